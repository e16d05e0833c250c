import hashlib
import os
import datetime
import jwt
from flask import Blueprint, request, session, jsonify, abort
from werkzeug.security import generate_password_hash, check_password_hash
from . import limiter
from .db import get_db

bp = Blueprint("main", __name__)
JWT_SECRET = os.environ["JWT_SECRET"]


@bp.route("/books")
def list_books():
    cur = get_db().cursor()
    genre = request.args.get("genre")
    if genre:
        # ok: G4.P3
        cur.execute("SELECT id, title, author FROM books WHERE genre = %s ORDER BY title", (genre,))
    else:
        # ok: G4.P3
        cur.execute("SELECT id, title, author FROM books ORDER BY added_at DESC LIMIT 50")
    return jsonify(cur.fetchall())


@bp.route("/books/search")
def search_books():
    q = request.args.get("q", "")
    cur = get_db().cursor()
    # expect: G4.P3
    cur.execute(f"SELECT id, title FROM books WHERE title ILIKE '%{q}%'")
    return jsonify(cur.fetchall())


@bp.route("/books/<int:book_id>/loans")
def book_loans(book_id):
    order = request.args.get("order", "due_date")
    cur = get_db().cursor()
    # expect: G4.P3
    cur.execute("SELECT * FROM loans WHERE book_id = %d ORDER BY %s" % (book_id, order))
    return jsonify(cur.fetchall())


@bp.route("/members/<member_id>")
def member(member_id):
    cur = get_db().cursor()
    # ok: G4.P3
    cur.execute("SELECT id, name FROM members WHERE id = %(id)s", {"id": member_id})
    return jsonify(cur.fetchone())


# ok: G4.D4
@bp.route("/register", methods=["POST"])
@limiter.limit("3/hour")
def register():
    data = request.get_json()
    # ok: G4.D6
    pw_hash = generate_password_hash(data["password"])
    get_db().cursor().execute("INSERT INTO members (email, password_hash) VALUES (%s, %s)", (data["email"], pw_hash))
    return "", 201


# expect: G4.D4
@bp.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    cur = get_db().cursor()
    cur.execute("SELECT id, password_hash FROM members WHERE email = %s", (data["email"],))
    row = cur.fetchone()
    # ok: G4.D6
    if not row or not check_password_hash(row[1], data["password"]):
        abort(401)
    session["member_id"] = row[0]
    # ok: G4.D5
    token = jwt.encode({"sub": row[0], "exp": datetime.datetime.utcnow() + datetime.timedelta(hours=1)}, JWT_SECRET, algorithm="HS256")
    return jsonify(token=token)


# Kiosk staff accounts: created by the branch manager at the desk
@bp.route("/staff", methods=["POST"])
def create_staff():
    data = request.get_json()
    # expect: G4.D6
    digest = hashlib.sha256(data["password"].encode()).hexdigest()
    get_db().cursor().execute("INSERT INTO staff (username, password) VALUES (%s, %s)", (data["username"], digest))
    return "", 201


@bp.route("/api/me")
def me():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    # expect: G4.D5
    claims = jwt.decode(token, options={"verify_signature": False})
    return jsonify(member=claims["sub"])


@bp.route("/api/loans")
def my_loans():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    # ok: G4.D5
    claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    cur = get_db().cursor()
    cur.execute("SELECT * FROM loans WHERE member_id = %s", (claims["sub"],))
    return jsonify(cur.fetchall())


def cover_cache_key(isbn):
    # ok: G4.D6
    return hashlib.sha256(isbn.encode()).hexdigest()


# expect: G4.D4
@bp.route("/reset-password", methods=["POST"])
def reset_password():
    send_reset_email(request.get_json()["email"])
    return "", 204
