from contextlib import contextmanager

from flask import current_app
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, scoped_session, sessionmaker


class Database:
    def __init__(self, url: str):
        self.engine = create_engine(url, pool_pre_ping=True, future=True)
        self.sessions = scoped_session(sessionmaker(bind=self.engine, expire_on_commit=False))

    def remove(self, _exc=None) -> None:
        self.sessions.remove()

    @contextmanager
    def transaction(self):
        session: Session = self.sessions()
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise


def db() -> Database:
    return current_app.extensions["db"]
