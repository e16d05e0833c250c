import logging
import os
from datetime import datetime

from flask import Flask, abort, flash, redirect, render_template, request, url_for
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_mail import Mail, Message
from werkzeug.security import check_password_hash, generate_password_hash

from models import Event, Rsvp, User, db

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///events.db")
app.config["MAIL_SERVER"] = os.environ.get("MAIL_SERVER", "smtp.sendgrid.net")
app.config["MAIL_PORT"] = 587
app.config["MAIL_USE_TLS"] = True
app.config["MAIL_USERNAME"] = "apikey"
app.config["MAIL_PASSWORD"] = os.environ.get("SENDGRID_API_KEY")
app.config["MAIL_DEFAULT_SENDER"] = "Meetly <events@meetly.example>"

db.init_app(app)
mail = Mail(app)
login_manager = LoginManager(app)
login_manager.login_view = "login"
log = logging.getLogger(__name__)

PER_PAGE = 20


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


def admin_required():
    if not current_user.is_authenticated or not current_user.is_admin:
        abort(403)


@app.route("/register", methods=["GET", "POST"])
def register():
    if request.method == "POST":
        email = request.form["email"].strip().lower()
        password = request.form["password"]
        # expect: G6.D2
        print(f"New signup: {email} / {password}")
        user = User(email=email, full_name=request.form["full_name"], password_hash=generate_password_hash(password))
        db.session.add(user)
        db.session.commit()
        login_user(user)
        return redirect(url_for("events"))
    return render_template("register.html")


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = User.query.filter_by(email=request.form["email"].strip().lower()).first()
        if user and check_password_hash(user.password_hash, request.form["password"]):
            login_user(user)
            # ok: G6.D2
            log.info("user %s signed in", user.id)
            return redirect(url_for("events"))
        flash("Wrong email or password")
    return render_template("login.html")


@app.route("/logout")
def logout():
    logout_user()
    return redirect(url_for("login"))


@app.route("/events")
def events():
    page = request.args.get("page", 1, type=int)
    q = request.args.get("q", "")
    query = Event.query.order_by(Event.starts_at)
    if q:
        query = query.filter(Event.title.ilike(f"%{q}%"))
    pagination = query.paginate(page=page, per_page=PER_PAGE)
    return render_template("events.html", pagination=pagination, q=q)


@app.route("/events/<int:event_id>")
def event_detail(event_id):
    event = Event.query.get_or_404(event_id)
    going = Rsvp.query.filter_by(event_id=event.id, status="going").count()
    return render_template("event_detail.html", event=event, going=going)


@app.route("/events/new", methods=["GET", "POST"])
@login_required
def create_event():
    if request.method == "POST":
        event = Event(
            title=request.form["title"],
            description=request.form.get("description"),
            venue=request.form.get("venue"),
            starts_at=datetime.fromisoformat(request.form["starts_at"]),
            capacity=int(request.form.get("capacity", 50)),
            organizer_id=current_user.id,
        )
        db.session.add(event)
        db.session.commit()
        return redirect(url_for("event_detail", event_id=event.id))
    return render_template("event_form.html", event=None)


@app.route("/events/<int:event_id>/edit", methods=["GET", "POST"])
@login_required
def edit_event(event_id):
    event = Event.query.get_or_404(event_id)
    if event.organizer_id != current_user.id and not current_user.is_admin:
        abort(403)
    if request.method == "POST":
        event.title = request.form["title"]
        event.description = request.form.get("description")
        event.venue = request.form.get("venue")
        event.starts_at = datetime.fromisoformat(request.form["starts_at"])
        db.session.commit()
        return redirect(url_for("event_detail", event_id=event.id))
    return render_template("event_form.html", event=event)


@app.route("/events/<int:event_id>/delete", methods=["POST"])
@login_required
def delete_event(event_id):
    admin_required()
    event = Event.query.get_or_404(event_id)
    db.session.delete(event)
    db.session.commit()
    log.warning("event %s deleted by admin %s", event_id, current_user.id)
    return redirect(url_for("events"))


@app.route("/events/<int:event_id>/rsvp", methods=["POST"])
@login_required
def rsvp(event_id):
    event = Event.query.get_or_404(event_id)
    db.session.add(Rsvp(event_id=event.id, user_id=current_user.id))
    db.session.commit()
    msg = Message(subject=f"You're going to {event.title}", recipients=[current_user.email])
    msg.body = f"See you at {event.venue} on {event.starts_at:%d %b %Y, %H:%M}."
    mail.send(msg)
    # ok: G6.D4
    flash("You're in! Confirmation email sent.")
    return redirect(url_for("event_detail", event_id=event.id))


@app.route("/admin/users")
@login_required
def admin_users():
    admin_required()
    page = request.args.get("page", 1, type=int)
    users = User.query.order_by(User.created_at.desc()).paginate(page=page, per_page=50)
    return render_template("admin/users.html", users=users)


if __name__ == "__main__":
    with app.app_context():
        db.create_all()
    app.run(debug=True)
