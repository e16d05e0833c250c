import logging

from flask import Blueprint, abort, jsonify, request

from .extensions import db
from .metrics import STOCK_MOVES
from .models import Product, StockMovement

api = Blueprint("api", __name__)
log = logging.getLogger(__name__)

# sku -> id lookup, rebuilt from the database on demand
# ok: G7.P2
_sku_index = {}


def product_id_for(sku):
    if sku not in _sku_index:
        for p in db.session.scalars(db.select(Product)):
            _sku_index[p.sku] = p.id
    return _sku_index.get(sku)


@api.get("/products")
def list_products():
    products = db.session.scalars(db.select(Product).order_by(Product.name)).all()
    return jsonify([p.to_dict() for p in products])


@api.post("/products")
def create_product():
    data = request.get_json(silent=True) or {}
    if not data.get("sku") or not data.get("name"):
        abort(400, description="sku and name are required")
    product = Product(sku=data["sku"], name=data["name"], quantity=int(data.get("quantity", 0)))
    db.session.add(product)
    db.session.commit()
    log.info("product created", extra={"sku": product.sku})
    return jsonify(product.to_dict()), 201


@api.post("/products/<sku>/movements")
def record_movement(sku):
    pid = product_id_for(sku)
    if pid is None:
        abort(404)
    data = request.get_json(silent=True) or {}
    delta = int(data.get("delta", 0))
    product = db.session.get(Product, pid)
    product.quantity += delta
    db.session.add(StockMovement(product_id=pid, delta=delta, reason=data.get("reason", "adjustment")))
    db.session.commit()
    STOCK_MOVES.labels(reason=data.get("reason", "adjustment")).inc()
    return jsonify(product.to_dict())
