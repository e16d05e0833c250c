from marshmallow import Schema, fields, validate
from pydantic import BaseModel, Field


class NoteSchema(Schema):
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    body = fields.String(load_default="")
    pinned = fields.Boolean(load_default=False)


class ShareIn(BaseModel):
    note_id: int
    email: str = Field(max_length=255)


class ProfileSchema(Schema):
    name = fields.String(validate=validate.Length(min=1, max=120))
