/*
  Warnings:

  - You are about to drop the column `phone` on the `User` table. All the data in the column will be lost.

*/
-- AlterTable
-- expect: G7.D4
ALTER TABLE "User" DROP COLUMN "phone";
