import logging.config
import os
import signal

import sentry_sdk
from flask import Flask, jsonify
from sqlalchemy import text

from .extensions import db, migrate
from .metrics import metrics_bp

LOGGING = {
    "version": 1,
    "formatters": {"json": {"()": "pythonjsonlogger.jsonlogger.JsonFormatter", "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"level": os.environ.get("LOG_LEVEL", "INFO"), "handlers": ["stdout"]},
}

log = logging.getLogger(__name__)


def create_app():
    logging.config.dictConfig(LOGGING)
    sentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"), traces_sample_rate=0.1)

    # ok: G7.D5
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": True}

    db.init_app(app)
    migrate.init_app(app, db)

    from .routes import api

    app.register_blueprint(api, url_prefix="/api")
    app.register_blueprint(metrics_bp)

    # ok: G7.D1
    @app.get("/healthz")
    def healthz():
        try:
            db.session.execute(text("SELECT 1"))
            return jsonify(status="ok")
        except Exception:
            log.exception("database unreachable")
            return jsonify(status="unavailable"), 503

    def _on_sigterm(signum, frame):
        # gunicorn forwards SIGTERM to workers; release pooled connections before exiting.
        log.info("SIGTERM received, disposing database engine")
        with app.app_context():
            db.engine.dispose()
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _on_sigterm)
    return app
