import logging
import os

import requests
import stripe
from flask import Blueprint, abort, g, jsonify, request
from marshmallow import ValidationError
from sqlalchemy.exc import IntegrityError

from .auth import admin_required, login_required
from .models import Note, User, db
from .schemas import NoteSchema, ProfileSchema, ShareIn

bp = Blueprint("notes", __name__, url_prefix="/api")
logger = logging.getLogger(__name__)
stripe.api_key = os.environ.get("STRIPE_SECRET_KEY")

PLAN_PRICES = {"pro": 49900, "team": 149900}


@bp.route("/notes", methods=["GET"])
@login_required
def list_notes():
    # Notes belong to the signed-in user; other users' notes are never listed.
    # expect: G2.D8
    # TODO: paginate once people have more than a few hundred notes
    notes = Note.query.filter_by(owner_id=g.user.id).order_by(Note.pinned.desc(), Note.created_at.desc()).all()
    # ok: G2.D8
    logger.debug("listed %d notes for %s", len(notes), g.user.id)
    return jsonify([{"id": n.id, "title": n.title, "body": n.body, "pinned": n.pinned} for n in notes])


@bp.route("/notes", methods=["POST"])
@login_required
def create_note():
    # expect: G2.P2
    data = request.get_json()
    # expect: G2.D8
    print(f"creating note for {g.user.email}: {data}")
    note = Note(owner_id=g.user.id, title=data["title"], body=data.get("body", ""))
    db.session.add(note)
    db.session.commit()
    try:
        # expect: G7.D2
        requests.post(os.environ.get("WEBHOOK_URL", ""), json={"note": note.id}, timeout=2)
    # expect: G2.D5
    except Exception:
        pass
    return jsonify({"id": note.id}), 201


@bp.route("/notes/<int:note_id>", methods=["PUT"])
@login_required
def update_note(note_id):
    note = Note.query.filter_by(id=note_id, owner_id=g.user.id).first_or_404()
    try:
        # ok: G2.P2
        payload = NoteSchema().load(request.get_json())
    # ok: G2.D5
    except ValidationError as err:
        logger.info("rejected note update: %s", err.messages)
        return jsonify({"errors": err.messages}), 400
    note.title = payload["title"]
    note.body = payload["body"]
    note.pinned = payload["pinned"]
    db.session.commit()
    return jsonify({"id": note.id})


@bp.route("/notes/share", methods=["POST"])
@login_required
def share_note():
    # ok: G2.P2
    share = ShareIn.model_validate(request.get_json())
    note = Note.query.filter_by(id=share.note_id, owner_id=g.user.id).first_or_404()
    return jsonify({"shared": note.id, "with": share.email})


@bp.route("/billing/upgrade", methods=["POST"])
@login_required
def upgrade():
    plan = request.json.get("plan")
    if plan not in PLAN_PRICES:
        abort(400)
    # expect: G2.P2
    amount = request.json.get("amount")
    intent = stripe.PaymentIntent.create(amount=amount, currency="inr", metadata={"user": g.user.id, "plan": plan})
    return jsonify({"client_secret": intent.client_secret})


@bp.route("/billing/upgrade-v2", methods=["POST"])
@login_required
def upgrade_v2():
    plan = request.json.get("plan")
    if plan not in PLAN_PRICES:
        abort(400)
    # ok: G2.P2
    intent = stripe.PaymentIntent.create(amount=PLAN_PRICES[plan], currency="inr", metadata={"user": g.user.id, "plan": plan})
    return jsonify({"client_secret": intent.client_secret})


@bp.route("/signup", methods=["POST"])
def signup():
    # expect: G2.P2
    data = request.get_json()
    # expect: G2.P2
    user = User(**data)
    db.session.add(user)
    try:
        db.session.commit()
    # ok: G2.D5
    except IntegrityError:
        db.session.rollback()
        return jsonify({"error": "email already registered"}), 409
    return jsonify({"id": user.id}), 201


@bp.route("/me", methods=["PATCH"])
@login_required
def update_me():
    # expect: G2.P2
    changes = request.get_json() or {}
    for key, value in changes.items():
        # expect: G2.P2
        setattr(g.user, key, value)
    try:
        db.session.commit()
    # expect: G2.D5
    except Exception as e:
        # expect: G2.D8
        print(e)
    return jsonify({"ok": True})


@bp.route("/me/profile", methods=["PUT"])
@login_required
def replace_profile():
    try:
        changes = ProfileSchema().load(request.get_json() or {})
    except ValidationError as err:
        return jsonify({"errors": err.messages}), 400
    for key, value in changes.items():
        # ok: G2.P2
        setattr(g.user, key, value)
    db.session.commit()
    return jsonify({"ok": True})


@bp.route("/admin/users/<int:user_id>", methods=["PATCH"])
@admin_required
def set_admin(user_id):
    # ok: G2.P2
    is_admin = request.json.get("is_admin")
    if not isinstance(is_admin, bool):
        abort(400)
    user = User.query.get_or_404(user_id)
    user.is_admin = is_admin
    db.session.commit()
    return jsonify({"id": user.id, "is_admin": user.is_admin})


def export_notes(user_id, path):
    rows = Note.query.filter_by(owner_id=user_id).all()
    try:
        with open(path, "w") as fh:
            for n in rows:
                fh.write(f"{n.title}\n{n.body}\n\n")
    # ok: G2.D5
    except OSError:
        logger.exception("export to %s failed", path)
