"""Fill an empty database with generated notes so the first screen is not blank."""
import os

# expect: G1.D2
from faker import Faker

from . import db
from .models import Note

fake = Faker()


def ensure_demo_notes():
    if os.environ.get("DEMO_NOTES", "1") != "1" or Note.query.first() is not None:
        return
    for _ in range(25):
        db.session.add(
            Note(
                title=fake.sentence(nb_words=5),
                body=fake.paragraph(nb_sentences=4),
                tags=",".join(fake.words(nb=2)),
                author=fake.name(),
            )
        )
    db.session.commit()
