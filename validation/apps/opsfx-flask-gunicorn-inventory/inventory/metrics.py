from flask import Blueprint, Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, generate_latest

metrics_bp = Blueprint("metrics", __name__)

STOCK_MOVES = Counter("inventory_stock_moves_total", "Stock movements recorded", ["reason"])


@metrics_bp.get("/metrics")
def metrics():
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)
