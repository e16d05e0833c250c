import os
import subprocess
from functools import wraps

import requests
from flask import Flask, abort, jsonify, redirect, render_template, request, url_for
from flask_login import LoginManager, current_user, login_required, login_user
from flask_sqlalchemy import SQLAlchemy
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import text
from werkzeug.security import check_password_hash

app = Flask(__name__)
# expect: G4.P1
app.config["SECRET_KEY"] = "b7f3c9e1a4d8f2b6c0e5a9d3f7b1c4e8"
# ok: G4.P1, G7.P2
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///bookclub.db")
# expect: G4.P1
GOOGLE_BOOKS_KEY = "AIzaSyD4kR9mXq2vL7pN3wT8yB6cF1hJ5dG0sA2"
# ok: G4.P1
MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")

db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)
    is_admin = db.Column(db.Boolean, default=False)

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self):
        return str(self.id)


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)
    title = db.Column(db.String(200), nullable=False)
    author = db.Column(db.String(200))
    price = db.Column(db.Numeric(8, 2), nullable=False, default=0)


class Review(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    book_id = db.Column(db.Integer, db.ForeignKey("book.id"), nullable=False)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)
    body = db.Column(db.Text, nullable=False)
    rating = db.Column(db.Integer, nullable=False)


class ReviewIn(BaseModel):
    body: str = Field(min_length=1, max_length=5000)
    rating: int = Field(ge=1, le=5)


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


def admin_required(f):
    @wraps(f)
    @login_required
    def wrapper(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return f(*args, **kwargs)
    return wrapper


# Reading lists are kept per process; they were "phase 2" for the database
# expect: G7.P2
reading_lists = {}
# Google Books lookups are cached for an hour
# ok: G7.P2
_lookup_cache = {}


# ok: G4.P2
@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        # expect: G2.P2
        user = User.query.filter_by(email=request.form["email"]).first()
        if user and check_password_hash(user.password_hash, request.form["password"]):
            login_user(user)
            return redirect(url_for("index"))
    return render_template("login.html")


# ok: G4.P2
@app.route("/")
def index():
    books = Book.query.order_by(Book.title).limit(50).all()
    return render_template("index.html", books=books)


# ok: G4.P2
@app.route("/books/<int:book_id>")
def book_detail(book_id):
    book = Book.query.get_or_404(book_id)
    reviews = Review.query.filter_by(book_id=book_id).all()
    return render_template("book.html", book=book, reviews=reviews)


# ok: G4.P2
@app.route("/api/books", methods=["POST"])
@login_required
def create_book():
    # expect: G2.P2
    book = Book(owner_id=current_user.id, **request.get_json())
    db.session.add(book)
    db.session.commit()
    return jsonify(id=book.id), 201


@app.route("/api/books/<int:book_id>", methods=["DELETE"])
@login_required
def delete_book(book_id):
    # expect: G4.P2
    book = Book.query.get_or_404(book_id)
    db.session.delete(book)
    db.session.commit()
    return "", 204


# ok: G4.P2
@app.route("/api/books/<int:book_id>", methods=["PUT"])
@login_required
def update_book(book_id):
    book = Book.query.filter_by(id=book_id, owner_id=current_user.id).first_or_404()
    payload = request.get_json(silent=True) or {}
    title = payload.get("title")
    if not isinstance(title, str) or not 1 <= len(title) <= 200:
        return jsonify(error="title must be 1-200 characters"), 400
    # ok: G2.P2
    book.title = title
    db.session.commit()
    return jsonify(id=book.id)


# ok: G4.P2
@app.route("/api/books/<int:book_id>/reviews", methods=["POST"])
@login_required
def add_review(book_id):
    try:
        # ok: G2.P2
        data = ReviewIn.model_validate(request.get_json())
    except ValidationError as e:
        return jsonify(errors=e.errors()), 400
    review = Review(book_id=book_id, user_id=current_user.id, body=data.body, rating=data.rating)
    db.session.add(review)
    db.session.commit()
    return jsonify(id=review.id), 201


# ok: G4.P2
@app.route("/api/orders", methods=["POST"])
@login_required
def create_order():
    # expect: G2.P2
    items = request.get_json()["items"]
    # expect: G2.P2
    total = sum(float(i["price"]) * int(i["qty"]) for i in items)
    return jsonify(charged=total), 201


# ok: G4.P2
@app.route("/api/reading-list", methods=["POST"])
@login_required
def add_to_reading_list():
    # expect: G2.P2
    book_id = int(request.get_json()["book_id"])
    reading_lists.setdefault(current_user.id, []).append(book_id)
    return jsonify(reading_lists[current_user.id])


# expect: G4.P2
@app.route("/admin/users")
def admin_users():
    users = User.query.all()
    return jsonify([{"id": u.id, "email": u.email, "is_admin": u.is_admin} for u in users])


# ok: G4.P2
@app.route("/admin/books/<int:book_id>", methods=["DELETE"])
@admin_required
def admin_delete_book(book_id):
    db.session.delete(Book.query.get_or_404(book_id))
    db.session.commit()
    return "", 204


# ok: G4.P2
@app.route("/search")
def search():
    # expect: G2.P2
    q = request.args.get("q", "")
    author = request.args.get("author")
    if author:
        # ok: G4.P3
        rows = db.session.execute(text("SELECT id, title, author FROM book WHERE author = :author"), {"author": author}).fetchall()
    else:
        # expect: G4.P3
        rows = db.session.execute(text(f"SELECT id, title, author FROM book WHERE title LIKE '%{q}%'")).fetchall()
    return render_template("index.html", books=rows, query=q)


# ok: G4.P2
@app.route("/api/books/<int:book_id>/preview")
@login_required
def preview(book_id):
    book = Book.query.filter_by(id=book_id, owner_id=current_user.id).first_or_404()
    path = f"/srv/uploads/{book.id}.pdf"
    # ok: G4.P3
    out = subprocess.run(["pdftotext", "-l", "1", path, "-"], capture_output=True, text=True, timeout=20)
    return jsonify(text=out.stdout[:2000])


# ok: G4.P2
@app.route("/api/convert", methods=["POST"])
@login_required
def convert():
    # expect: G2.P2
    fmt = request.form.get("format", "epub")
    # expect: G4.P3
    subprocess.run(f"ebook-convert /srv/uploads/{request.form['file']} /srv/out/book.{fmt}", shell=True, check=True)
    return jsonify(ok=True)


# ok: G4.P2
@app.route("/api/lookup")
def lookup():
    # expect: G2.P2
    isbn = request.args.get("isbn", "")
    if isbn not in _lookup_cache:
        r = requests.get("https://www.googleapis.com/books/v1/volumes", params={"q": f"isbn:{isbn}", "key": GOOGLE_BOOKS_KEY}, timeout=10)
        _lookup_cache[isbn] = r.json()
    return jsonify(_lookup_cache[isbn])


if __name__ == "__main__":
    with app.app_context():
        db.create_all()
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))
