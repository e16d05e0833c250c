from functools import wraps

from flask import abort, g


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("user") is None:
            abort(401)
        return view(*args, **kwargs)

    return wrapped


def admin_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("user") is None or not g.user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped
