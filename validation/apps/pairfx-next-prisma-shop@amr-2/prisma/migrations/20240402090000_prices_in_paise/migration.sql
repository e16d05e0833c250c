-- Store money as integer paise instead of floating-point rupees.
-- ok: G5.D3
-- The price columns are converted in place; no DROP COLUMN "price" / re-add, so no data is lost.

-- AlterTable
-- expect: G5.D3
ALTER TABLE "Product" ALTER COLUMN "price" SET DATA TYPE INTEGER USING ROUND("price" * 100)::INTEGER;

-- AlterTable
-- expect: G5.D3
ALTER TABLE "Order" ALTER COLUMN "total" TYPE INTEGER USING ROUND("total" * 100)::INTEGER;

-- AlterTable
-- expect: G5.D3
ALTER TABLE "OrderItem" RENAME COLUMN "unitPrice" TO "unitPricePaise";
-- expect: G5.D3
ALTER TABLE "OrderItem" ALTER COLUMN "unitPricePaise" SET DATA TYPE INTEGER USING ROUND("unitPricePaise" * 100)::INTEGER;

-- ok: G5.D3
UPDATE "Product" SET "stock" = 0 WHERE "stock" < 0;
