"""Invoicing API: application factory."""
import os

from flask import Flask

from app.db import Database
from app.routes import register_routes


def create_app(settings: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config["DATABASE_URL"] = os.environ.get("DATABASE_URL", "postgresql+psycopg://localhost/invoices")
    app.config.update(settings or {})
    app.extensions["db"] = Database(app.config["DATABASE_URL"])
    app.teardown_appcontext(app.extensions["db"].remove)
    register_routes(app)
    return app
