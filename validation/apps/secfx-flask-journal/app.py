import os
import sqlite3
from flask import Flask, request, session, redirect, render_template, make_response, g
from flask_talisman import Talisman
from werkzeug.security import check_password_hash

app = Flask(__name__)
# expect: G4.D5
app.secret_key = "journal-secret-123"
Talisman(app, content_security_policy={"default-src": "'self'"})


def db():
    if "db" not in g:
        g.db = sqlite3.connect("journal.db")
    return g.db


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    row = db().execute("SELECT id, pw_hash FROM users WHERE username = ?", (request.form["username"],)).fetchone()
    if not row or not check_password_hash(row[1], request.form["password"]):
        return render_template("login.html", error="Invalid login"), 401
    # expect: G4.D3
    session["user_id"] = row[0]
    resp = make_response(redirect("/"))
    # expect: G4.D8
    resp.set_cookie("remember_token", os.urandom(24).hex(), max_age=30 * 86400)
    # ok: G4.D8
    resp.set_cookie("tz", request.form.get("tz", "UTC"))
    return resp


@app.route("/entries", methods=["POST"])
def add_entry():
    if "user_id" not in session:
        return redirect("/login")
    # ok: G4.P3
    db().execute("INSERT INTO entries (user_id, body) VALUES (?, ?)", (session["user_id"], request.form["body"]))
    db().commit()
    return redirect("/")


@app.route("/entries/delete", methods=["POST"])
def delete_entry():
    if "user_id" not in session:
        return redirect("/login")
    # expect: G4.P3
    db().execute("DELETE FROM entries WHERE id = {} AND user_id = {}".format(request.form["id"], session["user_id"]))
    db().commit()
    return redirect("/")
