import os
from datetime import datetime

from flask import Flask, jsonify, render_template, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///recipes.db")
db = SQLAlchemy(app)


class Recipe(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False)
    body = db.Column(db.Text, default="")
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


@app.route("/")
def index():
    return render_template("index.html", recipes=Recipe.query.order_by(Recipe.created_at.desc()).all())


@app.route("/api/recipes", methods=["POST"])
def create_recipe():
    data = request.get_json()
    recipe = Recipe(title=data["title"], body=data.get("body", ""))
    db.session.add(recipe)
    db.session.commit()
    return jsonify({"id": recipe.id}), 201


@app.route("/api/recipes/import", methods=["POST"])
def import_recipes():
    # Paste a JSON export from another device; no files are stored.
    items = request.get_json().get("items", [])
    for item in items:
        db.session.add(Recipe(title=item["title"], body=item.get("body", "")))
    db.session.commit()
    return jsonify({"imported": len(items)})


if __name__ == "__main__":
    with app.app_context():
        db.create_all()
    app.run(port=int(os.environ.get("PORT", 5000)))
