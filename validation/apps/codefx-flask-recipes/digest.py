from datetime import datetime, timedelta

from app import app, db
from models import Recipe


def weekly_digest():
    since = datetime.utcnow() - timedelta(days=7)
    with app.app_context():
        fresh = Recipe.query.filter(Recipe.created_at >= since).order_by(Recipe.created_at.desc()).all()
        return [{"id": r.id, "title": r.title} for r in fresh]
