"""Load a few sample books into a fresh development database: python seed.py"""
from werkzeug.security import generate_password_hash

from app import Book, User, app, db

# ok: G1.D2
SAMPLE_BOOKS = [
    ("Dune", "Frank Herbert", 9.99),
    ("Beloved", "Toni Morrison", 12.50),
    ("Piranesi", "Susanna Clarke", 14.00),
]

with app.app_context():
    db.create_all()
    owner = User(email="admin@bookclub.local", password_hash=generate_password_hash("change-me-now"), is_admin=True)
    db.session.add(owner)
    db.session.flush()
    for title, author, price in SAMPLE_BOOKS:
        db.session.add(Book(owner_id=owner.id, title=title, author=author, price=price))
    db.session.commit()
    print(f"seeded {len(SAMPLE_BOOKS)} books")
