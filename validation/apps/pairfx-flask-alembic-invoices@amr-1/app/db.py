from flask import Flask, g
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

SessionLocal = sessionmaker(expire_on_commit=False)


def init_db(app: Flask) -> None:
    SessionLocal.configure(bind=create_engine(app.config["DATABASE_URL"], pool_pre_ping=True))

    @app.teardown_appcontext
    def close_session(_exc):
        session = g.pop("db", None)
        if session is not None:
            session.close()


def get_session() -> Session:
    if "db" not in g:
        g.db = SessionLocal()
    return g.db
