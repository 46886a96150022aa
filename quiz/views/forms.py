"""Student-side forms: one FlaskForm per action (CSRF comes with each)."""

from __future__ import annotations

import re

from flask_wtf import FlaskForm
from wtforms import EmailField, Field, HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp, StopValidation

from quiz.security import PlainText

# A light shape check; the address is never mailed, so no deliverability lookup is needed.
EMAIL = Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message="بريد إلكتروني غير صالح.")

NAME_MESSAGE = "اكتب اسمًا يظهر للمعلّم (حرفان على الأقل)."

# Invisible marks and spaces at either end carry nothing a reader sees.
_EDGES = re.compile(r"^[\s\u200b-\u200f\u061c\ufeff]+|[\s\u200b-\u200f\u061c\ufeff]+$")


def clean_name(value: str | None) -> str | None:
    """Trim spaces and invisible marks around a display name."""
    return None if value is None else _EDGES.sub("", value)


def blank_after_cleaning(_form: object, field: Field) -> None:
    """Like Optional(), but judged on the cleaned value (Optional looks at the raw input)."""
    if not field.data:
        field.errors[:] = []
        raise StopValidation()


class JoinForm(FlaskForm):
    """Find a quiz by its join code."""

    code = StringField(
        "رمز الاختبار أو الصف",
        validators=[DataRequired("اكتب رمز الاختبار."), Length(max=20, message="الرمز طويل جدًا.")],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false",
                   "dir": "ltr", "placeholder": "ASFURA"},
    )
    submit = SubmitField("انضم")


class StartForm(FlaskForm):
    """Start an attempt; a visitor without an account gives a display name."""

    name = StringField("اسمك", filters=[clean_name],
                       validators=[blank_after_cleaning, Length(min=2, max=60, message=NAME_MESSAGE), PlainText()],
                       render_kw={"autocomplete": "name", "dir": "auto"})
    submit = SubmitField("ابدأ الاختبار")


class JoinClassForm(FlaskForm):
    """Join a class under a name no other student of the class has."""

    name = StringField("اسمك في الصف", filters=[clean_name],
                       validators=[DataRequired(NAME_MESSAGE), Length(min=2, max=60, message=NAME_MESSAGE), PlainText()],
                       render_kw={"autocomplete": "name", "dir": "auto"})
    submit = SubmitField("انضم إلى الصف")


class AnswerForm(FlaskForm):
    """Save the answers on a page (fallback for autosave) and move on; answers come in q-<id> fields."""

    page = HiddenField()
    go = HiddenField()  # "next" | "prev" | "review" | a page number


class SubmitAttemptForm(FlaskForm):
    """Hand in an attempt."""

    submit = SubmitField("إرسال الإجابات")


class RetryForm(FlaskForm):
    """Start a practice attempt holding only the missed questions."""

    submit = SubmitField("أعد المحاولة في أخطائي")


class LoginForm(FlaskForm):
    """Sign in with email and password."""

    email = EmailField("البريد الإلكتروني", validators=[DataRequired("اكتب بريدك الإلكتروني."),
                                                       EMAIL],
                       render_kw={"autocomplete": "email", "dir": "ltr"})
    password = PasswordField("كلمة المرور", validators=[DataRequired("اكتب كلمة المرور.")],
                             render_kw={"autocomplete": "current-password", "dir": "ltr"})
    submit = SubmitField("دخول")


class RegisterForm(FlaskForm):
    """Create a student account (keeps the attempts made so far under this name)."""

    name = StringField("الاسم", filters=[clean_name],
                       validators=[DataRequired(NAME_MESSAGE), Length(min=2, max=60, message=NAME_MESSAGE),
                                   PlainText()],
                       render_kw={"autocomplete": "name", "dir": "auto"})
    email = EmailField("البريد الإلكتروني", validators=[DataRequired("اكتب بريدك الإلكتروني."),
                                                       EMAIL, Length(max=254), PlainText()],
                       render_kw={"autocomplete": "email", "dir": "ltr"})
    password = PasswordField("كلمة المرور", validators=[
        DataRequired("اختر كلمة مرور."),
        Length(min=8, max=200, message="كلمة المرور ثمانية أحرف على الأقل."),
    ], render_kw={"autocomplete": "new-password", "dir": "ltr"})
    confirm = PasswordField("تأكيد كلمة المرور", validators=[
        EqualTo("password", message="كلمتا المرور غير متطابقتين."),
    ], render_kw={"autocomplete": "new-password", "dir": "ltr"})
    submit = SubmitField("إنشاء الحساب")


class LogoutForm(FlaskForm):
    """Sign out (a POST, so a link on another site cannot sign a student out)."""

    submit = SubmitField("خروج")
