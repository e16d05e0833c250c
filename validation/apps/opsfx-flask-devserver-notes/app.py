from collections import defaultdict
from datetime import datetime
import time
import uuid

from flask import Flask, jsonify, render_template, request
from flask_cors import CORS

app = Flask(__name__)
CORS(app)

# Notes are kept in memory for now.
# expect: G7.P2
notes = {}

# expect: G7.P2
shared_links = []

# Per-IP request timestamps for basic rate limiting
# ok: G7.P2
_rate_window = defaultdict(list)

# ok: G7.P2
ALLOWED_COLORS = ["yellow", "blue", "green", "pink"]


def too_many(ip):
    now = time.time()
    _rate_window[ip] = [t for t in _rate_window[ip] if now - t < 60]
    _rate_window[ip].append(now)
    return len(_rate_window[ip]) > 120


@app.route("/")
def index():
    return render_template("index.html")


@app.get("/api/notes")
def list_notes():
    return jsonify(sorted(notes.values(), key=lambda n: n["updated_at"], reverse=True))


@app.post("/api/notes")
def create_note():
    if too_many(request.remote_addr):
        return jsonify(error="slow down"), 429
    data = request.get_json() or {}
    color = data.get("color", "yellow")
    if color not in ALLOWED_COLORS:
        return jsonify(error="bad color"), 400
    note = {
        "id": str(uuid.uuid4()),
        "title": data.get("title", "Untitled"),
        "body": data.get("body", ""),
        "color": color,
        "updated_at": datetime.utcnow().isoformat(),
    }
    notes[note["id"]] = note
    print(f"created note {note['id']}")
    return jsonify(note), 201


@app.put("/api/notes/<note_id>")
def update_note(note_id):
    if note_id not in notes:
        return jsonify(error="not found"), 404
    data = request.get_json() or {}
    notes[note_id].update({k: v for k, v in data.items() if k in ("title", "body", "color")})
    notes[note_id]["updated_at"] = datetime.utcnow().isoformat()
    return jsonify(notes[note_id])


@app.delete("/api/notes/<note_id>")
def delete_note(note_id):
    notes.pop(note_id, None)
    return "", 204


@app.post("/api/notes/<note_id>/share")
def share_note(note_id):
    if note_id not in notes:
        return jsonify(error="not found"), 404
    link = {"token": uuid.uuid4().hex, "note_id": note_id, "created_at": datetime.utcnow().isoformat()}
    shared_links.append(link)
    return jsonify(link), 201


@app.get("/s/<token>")
def open_shared(token):
    for link in shared_links:
        if link["token"] == token:
            return jsonify(notes.get(link["note_id"]))
    return jsonify(error="not found"), 404


if __name__ == "__main__":
    # expect: G7.D1, G7.D5
    app.run(host="0.0.0.0", port=5000, debug=True)
