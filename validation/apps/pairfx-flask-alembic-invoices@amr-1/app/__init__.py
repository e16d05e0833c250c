from flask import Flask

from app.db import init_db
from app.routes import bp


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(DATABASE_URL="postgresql+psycopg://localhost/invoices")
    if config:
        app.config.update(config)
    init_db(app)
    app.register_blueprint(bp)
    return app
