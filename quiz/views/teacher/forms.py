"""Teacher-side forms: one FlaskForm per action (each carries its CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    DateField,
    DateTimeLocalField,
    EmailField,
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from questions.kinds import KINDS
from questions.model import FACT_TYPES
from quiz.security import PlainText
from quiz.services.articles import MAX_FORM_BYTES
from quiz.views.forms import EMAIL

KIND_LABELS = {k.name: k.label for k in KINDS}
FACT_TYPE_LABELS = {
    "person": "أشخاص", "place": "أماكن", "organization": "منظمات", "date": "تواريخ",
    "percentage": "نسب مئوية", "number": "أرقام",
}
GRADING_LABELS = {"highest": "أعلى درجة", "last": "آخر محاولة", "average": "متوسط المحاولات"}
LAYOUT_LABELS = {"one_per_page": "سؤال في كل صفحة", "all_on_one": "كل الأسئلة في صفحة واحدة"}
REVIEW_LABELS = {"immediately": "فور التسليم", "after_close": "بعد إغلاق الاختبار", "never": "لا تُعرض أبدًا"}
STATUS_LABELS = {"pending": "بانتظار المراجعة", "approved": "معتمد", "rejected": "مرفوض"}



def _choices(labels: dict[str, str]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in labels.items()]


LTR = {"dir": "ltr"}


class ArticleForm(FlaskForm):
    """Add an article by pasting its text or uploading a .txt/.html file."""

    title = StringField("العنوان", validators=[Optional(), Length(max=300)],
                        description="يُؤخذ من صفحة الويب إن لم تكتبه.")
    source = StringField("المصدر", validators=[Optional(), Length(max=300)],
                         render_kw={"placeholder": "مثال: وكالة الأنباء، 12 مارس"})
    published_on = DateField("تاريخ النشر", validators=[Optional()],
                             description="يُستخدم لفهم التواريخ النسبية مثل «الشهر الماضي».")
    text = TextAreaField("نص المقال أو صفحة الويب (HTML)", validators=[Optional()],
                         render_kw={"rows": 14, "dir": "auto", "data-max-bytes": MAX_FORM_BYTES})
    upload = FileField("أو ارفع ملفًا (.txt أو صفحة ويب محفوظة .html)",
                       render_kw={"accept": ".txt,.html,.htm,text/plain,text/html"})
    submit = SubmitField("أنشئ بنك الأسئلة")


class ImportBankForm(FlaskForm):
    """Upload a question bank in Fahim's own JSON (an export, or `python -m questions generate --json`)."""

    upload = FileField("ملف بنك الأسئلة (.json)", render_kw={"accept": ".json,application/json"})
    submit = SubmitField("استورد البنك")


class RegenerateBankForm(FlaskForm):
    """Generate a fresh bank for an article."""

    submit = SubmitField("ولّد بنكًا جديدًا")


class ApproveForm(FlaskForm):
    """Approve one question."""

    submit = SubmitField("اعتماد")


class RejectForm(FlaskForm):
    """Reject one question."""

    submit = SubmitField("رفض")


class RestoreForm(FlaskForm):
    """Put one question back to pending review."""

    submit = SubmitField("إعادة للمراجعة")


class DistractorsForm(FlaskForm):
    """Give a multiple-choice question new wrong options."""

    submit = SubmitField("خيارات خاطئة جديدة")


BULK_ACTIONS = {"approve": "اعتماد المحدد", "reject": "رفض المحدد", "restore": "إعادة المحدد للمراجعة"}
BULK_DONE = {"approve": "اعتُمد", "reject": "رُفض", "restore": "أُعيد إلى المراجعة"}


class BulkReviewForm(FlaskForm):
    """Approve, reject or send back to review the selected questions of a bank."""

    action = SelectField("الإجراء", choices=_choices(BULK_ACTIONS))
    ids = SelectMultipleField("الأسئلة", coerce=int, validate_choice=False, validators=[Optional()])


SALIENCE_LABELS = {"high": "الأهم في الخبر", "medium": "المتوسطة الأهمية فأعلى"}


class AlternateForm(FlaskForm):
    """Ask about a fact with another of its questions."""

    key = HiddenField(validators=[DataRequired(), Length(max=64)])
    submit = SubmitField("استخدم هذه الصيغة")


class ApproveAllForm(FlaskForm):
    """Approve every pending question of a bank."""

    submit = SubmitField("اعتماد كل الأسئلة المعلّقة")


class EditQuestionForm(FlaskForm):
    """Edit a question's prompt, options, answer and accepted answers."""

    prompt = TextAreaField("نص السؤال", validators=[DataRequired("اكتب نص السؤال."), Length(max=2000)],
                           render_kw={"rows": 3, "dir": "auto"})
    choices = TextAreaField("الخيارات (خيار في كل سطر)", validators=[Optional(), Length(max=4000)],
                            render_kw={"rows": 5, "dir": "auto"})
    answer = StringField("الإجابة الصحيحة", validators=[Optional(), Length(max=500)], render_kw={"dir": "auto"})
    accepted = TextAreaField("إجابات مقبولة أخرى (واحدة في كل سطر)", validators=[Optional(), Length(max=4000)],
                             render_kw={"rows": 3, "dir": "auto"})
    pairs = TextAreaField("الأزواج (في كل سطر: العنصر = ما يقابله)", validators=[Optional(), Length(max=4000)],
                          render_kw={"rows": 5, "dir": "auto"})
    items = TextAreaField("العناصر بالترتيب الصحيح (عنصر في كل سطر)", validators=[Optional(), Length(max=4000)],
                          render_kw={"rows": 5, "dir": "auto"})
    submit = SubmitField("حفظ التعديل")


class AddQuestionForm(EditQuestionForm):
    """Write a question by hand."""

    kind = SelectField("نوع السؤال", choices=[SelectChoice(k, KIND_LABELS[k]) for k in
                                             ("mcq", "true_false", "short", "numeric", "cloze", "matching",
                                              "ordering")])
    fact_type = SelectField("نوع المعلومة", choices=[SelectChoice("", "—")] + [SelectChoice(t, FACT_TYPE_LABELS[t]) for t in FACT_TYPES],
                            validators=[Optional()])
    source_text = TextAreaField("الجملة المصدر من المقال (اختياري)", validators=[Optional(), Length(max=2000)],
                                render_kw={"rows": 2, "dir": "auto"})
    submit = SubmitField("أضف السؤال")


class _SettingsFields(FlaskForm):
    title = StringField("عنوان الاختبار", validators=[DataRequired("اكتب عنوان الاختبار."), Length(max=300)])
    time_limit_minutes = IntegerField("المدة بالدقائق (فارغ = بلا حد)",
                                      validators=[Optional(), NumberRange(1, 600, "من 1 إلى 600 دقيقة.")],
                                      render_kw=LTR)
    opens_at = DateTimeLocalField("يفتح في", validators=[Optional()], format="%Y-%m-%dT%H:%M",
                                  render_kw=LTR)
    closes_at = DateTimeLocalField("يُغلق في", validators=[Optional()], format="%Y-%m-%dT%H:%M",
                                   render_kw=LTR)
    # The IANA zone the two times are in: app.js fills it from the browser when empty; the server
    # checks it (quiz.timezones) and falls back to the session's zone, then FAHIM_TIMEZONE.
    timezone = HiddenField(render_kw={"data-timezone": ""})  # never an error: a bad value falls back
    attempts_allowed = IntegerField("عدد المحاولات المسموح (فارغ = بلا حد)",
                                    validators=[Optional(), NumberRange(1, 100, "من 1 إلى 100.")],
                                    render_kw=LTR)
    grading = SelectField("الدرجة عند تعدد المحاولات", choices=_choices(GRADING_LABELS))
    layout = SelectField("طريقة العرض", choices=_choices(LAYOUT_LABELS))
    review = SelectField("متى يرى الطلاب الإجابات", choices=_choices(REVIEW_LABELS))


class QuizForm(_SettingsFields):
    """Assemble a quiz from approved questions: pick them, or draw N at random per fact type."""

    mode = RadioField("طريقة الاختيار", choices=[SelectChoice("pick", "أختار الأسئلة بنفسي"),
                                                 SelectChoice("draw", "سحب عشوائي لكل نوع معلومة")], default="pick")
    questions = SelectMultipleField("الأسئلة", coerce=int, validators=[Optional()],
                                    widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())
    draw_person = IntegerField(FACT_TYPE_LABELS["person"], validators=[Optional(), NumberRange(0, 200)], default=0)
    draw_place = IntegerField(FACT_TYPE_LABELS["place"], validators=[Optional(), NumberRange(0, 200)], default=0)
    draw_organization = IntegerField(FACT_TYPE_LABELS["organization"], validators=[Optional(), NumberRange(0, 200)],
                                     default=0)
    draw_date = IntegerField(FACT_TYPE_LABELS["date"], validators=[Optional(), NumberRange(0, 200)], default=0)
    draw_percentage = IntegerField(FACT_TYPE_LABELS["percentage"], validators=[Optional(), NumberRange(0, 200)],
                                   default=0)
    draw_number = IntegerField(FACT_TYPE_LABELS["number"], validators=[Optional(), NumberRange(0, 200)], default=0)
    submit = SubmitField("احفظ الاختبار (مسودة)")

    def draw_counts(self) -> dict[str, int]:
        """Return the requested number of questions per fact type."""
        return {t: int(getattr(self, f"draw_{t}").data or 0) for t in FACT_TYPES}


class QuizSettingsForm(_SettingsFields):
    """Change a quiz's settings."""

    submit = SubmitField("حفظ الإعدادات")


class PublishForm(FlaskForm):
    """Publish a draft quiz."""

    submit = SubmitField("انشر الاختبار")


class DeleteQuizForm(FlaskForm):
    """Delete a draft quiz."""

    submit = SubmitField("احذف المسودة")


class InviteForm(FlaskForm):
    """Create a single-use link inviting another teacher."""

    submit = SubmitField("أنشئ رابط دعوة لمعلّم")


class AcceptInviteForm(FlaskForm):
    """Create a teacher account from an invitation."""

    name = StringField("الاسم", validators=[DataRequired("اكتب اسمك."), Length(min=2, max=120), PlainText()])
    email = EmailField("البريد الإلكتروني", validators=[DataRequired("اكتب بريدك الإلكتروني."), EMAIL,
                                                       Length(max=254), PlainText()], render_kw=LTR)
    password = PasswordField("كلمة المرور", validators=[
        DataRequired("اختر كلمة مرور."), Length(min=8, max=200, message="كلمة المرور ثمانية أحرف على الأقل."),
    ], render_kw={"autocomplete": "new-password", "dir": "ltr"})
    confirm = PasswordField("تأكيد كلمة المرور", validators=[
        EqualTo("password", message="كلمتا المرور غير متطابقتين."),
    ], render_kw={"autocomplete": "new-password", "dir": "ltr"})
    submit = SubmitField("أنشئ حساب المعلّم")


class SetupForm(AcceptInviteForm):
    """Create the install's first teacher with the setup token printed in the server log."""

    token = StringField("رمز الإعداد (من سجل الخادم)", validators=[DataRequired("الصق رمز الإعداد."),
                                                               Length(max=200)],
                        render_kw={"autocomplete": "off", "spellcheck": "false", "dir": "ltr"})


class ClassForm(FlaskForm):
    """Create a class."""

    name = StringField("اسم الصف", validators=[DataRequired("اكتب اسم الصف."), Length(max=120), PlainText()],
                       render_kw={"dir": "auto", "placeholder": "مثال: العاشر (ب)"})
    submit = SubmitField("أنشئ الصف")


class RemoveMemberForm(FlaskForm):
    """Take a student out of a class."""

    submit = SubmitField("أخرِج من الصف")


class AssignClassesForm(FlaskForm):
    """Choose the classes a quiz is for (none: anyone with the code may take it)."""

    classes = SelectMultipleField("الصفوف", coerce=int, validators=[Optional()],
                                  widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())
    submit = SubmitField("احفظ الصفوف")
