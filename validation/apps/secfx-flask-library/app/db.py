import os
import psycopg2

_conn = None


def get_db():
    global _conn
    if _conn is None:
        _conn = psycopg2.connect(os.environ["DATABASE_URL"])
    return _conn
