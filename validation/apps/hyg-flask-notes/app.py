import logging
import os

from flask import Flask, g, session
from flask_cors import CORS

from notes.models import User, db
from notes.routes import bp

logging.basicConfig(level=logging.INFO)


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///notes.db")
    # ok: G7.D2
    app.config["REDIS_URL"] = os.getenv("REDIS_URL", "redis://localhost:6379/0")
    # expect: G7.D2
    CORS(app, origins=["http://localhost:5173"], supports_credentials=True)
    db.init_app(app)
    app.register_blueprint(bp)

    @app.before_request
    def load_user():
        uid = session.get("user_id")
        g.user = db.session.get(User, uid) if uid else None

    # expect: G2.D8
    # with app.app_context():
    #     db.drop_all()
    #     db.create_all()

    return app


app = create_app()

if __name__ == "__main__":
    # ok: G2.D8
    print("Starting notes API")
    # expect: G7.D2
    app.run(debug=True, port=5000)
