from flask import Blueprint, jsonify, redirect, render_template, request, url_for

from . import db
from .demo import ensure_demo_notes
from .models import Note

bp = Blueprint("notes", __name__)


@bp.before_app_request
def _demo():
    ensure_demo_notes()


@bp.get("/")
def index():
    tag = request.args.get("tag", "").strip()
    query = Note.query.order_by(Note.created_at.desc())
    if tag:
        query = query.filter(Note.tags.contains(tag))
    return render_template("index.html", notes=query.limit(200).all(), tag=tag)


@bp.post("/notes")
def create_note():
    title = request.form.get("title", "").strip()
    if not title:
        return render_template("index.html", notes=[], tag="", error="Title is required"), 400
    db.session.add(
        Note(
            title=title,
            body=request.form.get("body", ""),
            tags=request.form.get("tags", ""),
            author=request.form.get("author", "anonymous"),
        )
    )
    db.session.commit()
    return redirect(url_for("notes.index"))


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")
