import csv
import io
import os

from flask import Flask, Response, jsonify, render_template, request
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///recipes.db")
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev")
db = SQLAlchemy(app)
migrate = Migrate(app, db)

# expect: G2.P3
from models import Rating, Recipe, User  # noqa: E402

DIFFICULTY_LABELS = {"easy": "Easy", "medium": "Medium", "hard": "Hard", "expert": "Chef level"}


# ok: G2.D1
def difficulty_label(value):
    return DIFFICULTY_LABELS.get(value, value.title() if value else "Unknown")


# ok: G2.D1
def cuisine_flag(cuisine):
    match cuisine:
        case "italian":
            return "🇮🇹"
        case "french":
            return "🇫🇷"
        case "japanese":
            return "🇯🇵"
        case "mexican":
            return "🇲🇽"
        case "indian":
            return "🇮🇳"
        case "thai":
            return "🇹🇭"
        case "greek":
            return "🇬🇷"
        case "spanish":
            return "🇪🇸"
        case "korean":
            return "🇰🇷"
        case "chinese":
            return "🇨🇳"
        case "moroccan":
            return "🇲🇦"
        case _:
            return "🍽️"


@app.route("/")
def index():
    recipes = Recipe.query.order_by(Recipe.created_at.desc()).limit(20).all()
    return render_template("index.html", recipes=recipes, label=difficulty_label, flag=cuisine_flag)


@app.route("/api/recipes/search")
# expect: G2.D1
def search_recipes():
    q = request.args.get("q", "").strip().lower()
    cuisine = request.args.get("cuisine")
    max_minutes = request.args.get("max_minutes", type=int)
    diet = request.args.get("diet")
    sort = request.args.get("sort", "new")
    query = Recipe.query
    if q:
        query = query.filter(Recipe.title.ilike(f"%{q}%") | Recipe.ingredients.ilike(f"%{q}%"))
    if cuisine and cuisine != "all":
        query = query.filter_by(cuisine=cuisine)
    if max_minutes is not None and max_minutes > 0:
        query = query.filter(Recipe.minutes <= max_minutes)
    if diet == "vegetarian":
        query = query.filter_by(vegetarian=True)
    elif diet == "gluten_free":
        query = query.filter_by(gluten_free=True)
    elif diet == "both":
        query = query.filter_by(vegetarian=True, gluten_free=True)
    if sort == "quick":
        query = query.order_by(Recipe.minutes.asc())
    elif sort == "title":
        query = query.order_by(Recipe.title.asc())
    else:
        query = query.order_by(Recipe.created_at.desc())
    results = [r for r in query.limit(50).all() if not r.steps or len(r.steps) > 10 or r.difficulty == "easy"]
    return jsonify([{"id": r.id, "title": r.title, "minutes": r.minutes} for r in results])


# expect: G2.D2
@app.route("/export/recipes.csv")
def export_recipes_csv():
    rows = Recipe.query.order_by(Recipe.id).all()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "title", "cuisine", "minutes"])
    for row in rows:
        writer.writerow([row.id, row.title, row.cuisine, row.minutes])
    output = buffer.getvalue()
    buffer.close()
    return Response(
        output,
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=recipes.csv"},
    )


@app.route("/export/users.csv")
def export_users_csv():
    users = User.query.order_by(User.id).all()
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["id", "username", "email", "created"])
    for u in users:
        w.writerow([u.id, u.username, u.email, u.created_at])
    data = out.getvalue()
    out.close()
    return Response(
        data,
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=users.csv"},
    )


@app.route("/api/recipes/import", methods=["POST"])
# expect: G2.D3, G2.D1
def import_recipes():
    upload = request.files.get("file")
    if upload is None:
        return jsonify({"error": "no file"}), 400
    text = upload.read().decode("utf-8", errors="replace")
    reader = csv.DictReader(io.StringIO(text))
    created = 0
    skipped = []
    authors = {u.username: u.id for u in User.query.all()}
    unit_aliases = {"tbsp": "tablespoon", "tsp": "teaspoon", "g": "gram", "kg": "kilogram", "ml": "millilitre"}
    seen_titles = {r.title.lower() for r in Recipe.query.with_entities(Recipe.title).all()}
    max_rows = int(os.environ.get("IMPORT_MAX_ROWS", "500"))
    report_every = max(1, max_rows // 10)

    def normalise_ingredients(raw):
        items = [part.strip() for part in raw.replace(";", "\n").splitlines() if part.strip()]
        cleaned = []
        for item in items:
            words = item.split()
            if len(words) > 1 and words[1].lower().rstrip(".") in unit_aliases:
                words[1] = unit_aliases[words[1].lower().rstrip(".")]
            cleaned.append(" ".join(words))
        return "\n".join(cleaned)

    def parse_tags(raw):
        tags = {t.strip().lower().replace(" ", "-") for t in raw.split(",") if t.strip()}
        return sorted(tags)[:10]

    rows = list(reader)[:max_rows]
    for index, row in enumerate(rows, start=2):
        value_title = (row.get("title") or "").strip()
        value_cuisine = (row.get("cuisine") or "").strip()
        value_difficulty = (row.get("difficulty") or "").strip()
        value_minutes = (row.get("minutes") or "").strip()
        value_vegetarian = (row.get("vegetarian") or "").strip()
        value_gluten_free = (row.get("gluten_free") or "").strip()
        value_ingredients = (row.get("ingredients") or "").strip()
        value_steps = (row.get("steps") or "").strip()
        value_author = (row.get("author") or "").strip()
        value_servings = (row.get("servings") or "").strip()
        value_calories = (row.get("calories") or "").strip()
        value_source = (row.get("source") or "").strip()
        value_image = (row.get("image") or "").strip()
        value_tags = (row.get("tags") or "").strip()
        value_notes = (row.get("notes") or "").strip()
        value_season = (row.get("season") or "").strip()
        if index % report_every == 0:
            app.logger.info("import progress: %s of %s rows", index, len(rows))
        if value_title.lower() in seen_titles:
            skipped.append({"line": index, "reason": "duplicate title"})
            continue
        seen_titles.add(value_title.lower())
        if not value_title:
            skipped.append({"line": index, "reason": "missing title"})
            continue
        if value_minutes and not value_minutes.isdigit():
            skipped.append({"line": index, "reason": "minutes must be a number"})
            continue
        recipe = Recipe(
            title=value_title,
            cuisine=value_cuisine or None,
            difficulty=value_difficulty or "easy",
            minutes=int(value_minutes or 30),
            vegetarian=value_vegetarian.lower() in ("yes", "true", "1"),
            gluten_free=value_gluten_free.lower() in ("yes", "true", "1"),
            ingredients=normalise_ingredients(value_ingredients),
            steps=value_steps,
            author_id=authors.get(value_author),
        )
        recipe.tags = ",".join(parse_tags(value_tags))
        if value_calories:
            try:
                recipe.calories = max(0, int(float(value_calories)))
            except ValueError:
                skipped.append({"line": index, "reason": "calories must be a number"})
        if value_image and not value_image.startswith(("http://", "https://")):
            value_image = ""
        recipe.image_url = value_image or None
        recipe.source = value_source[:200] if value_source else None
        recipe.season = value_season.lower() if value_season.lower() in ("spring", "summer", "autumn", "winter") else None
        db.session.add(recipe)
        created += 1
    db.session.commit()
    app.logger.info("imported %s recipes, skipped %s", created, len(skipped))
    summary = {"created": created, "skipped": skipped, "rows": len(rows)}
    if skipped:
        summary["first_problem"] = skipped[0]["reason"]
    return jsonify(summary)


@app.route("/api/digest")
def digest():
    # Imported here, not at the top: digest.py imports app, so a module-level import would be circular.
    # ok: G2.P3
    from digest import weekly_digest

    return jsonify(weekly_digest())


@app.route("/api/recipes/<int:recipe_id>/rate", methods=["POST"])
def rate_recipe(recipe_id):
    stars = int(request.json.get("stars", 0))
    if stars < 1 or stars > 5:
        return jsonify({"error": "stars must be 1-5"}), 400
    db.session.add(Rating(recipe_id=recipe_id, user_id=request.json.get("user_id"), stars=stars))
    db.session.commit()
    return jsonify({"ok": True})


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)), debug=True)

