from flask import Flask, jsonify, request, abort
from flask_login import LoginManager, login_required, current_user
from models import db, User, Entry, Prompt

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite:///journal.db'
db.init_app(app)
login_manager = LoginManager(app)


@app.route('/api/prompts')
def prompts():
    # ok: G4.P2
    rows = Prompt.query.limit(20).all()
    return jsonify([{'id': p.id, 'text': p.text} for p in rows])


@app.route('/api/entries/<int:entry_id>')
@login_required
def get_entry(entry_id):
    # ok: G4.P2
    entry = Entry.query.get_or_404(entry_id)
    if entry.user_id != current_user.id:
        abort(404)
    return jsonify({'id': entry.id, 'title': entry.title, 'body': entry.body})


@app.route('/api/entries/<int:entry_id>', methods=['PUT'])
@login_required
def update_entry(entry_id):
    data = request.get_json()
    # expect: G4.P2
    entry = Entry.query.get_or_404(entry_id)
    entry.title = data.get('title', entry.title)
    entry.body = data.get('body', entry.body)
    db.session.commit()
    return jsonify({'ok': True})


@app.route('/api/entries/<int:entry_id>', methods=['DELETE'])
@login_required
def delete_entry(entry_id):
    # ok: G4.P2
    entry = Entry.query.filter_by(id=entry_id, user_id=current_user.id).first_or_404()
    db.session.delete(entry)
    db.session.commit()
    return '', 204


# expect: G4.P2
@app.route('/api/entries/export')
def export_entries():
    entries = Entry.query.all()
    return jsonify([{'id': e.id, 'user_id': e.user_id, 'body': e.body} for e in entries])


@app.route('/api/me', methods=['PATCH'])
@login_required
def update_me():
    data = request.get_json()
    user = User.query.get(current_user.id)
    for key, value in data.items():
        # expect: G4.P2
        setattr(user, key, value)
    db.session.commit()
    return jsonify({'ok': True})
