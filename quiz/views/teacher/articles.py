"""New articles (pasted or uploaded), bank imports, an article's page and new banks."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from werkzeug.wrappers import Response as WResponse

from quiz.arabic import questions_count
from quiz.db import get_session
from quiz.services import articles as article_service
from quiz.services import bank_import, ownership
from quiz.security import large_body
from quiz.views.auth import teacher_required
from quiz.views.teacher import forms
from quiz.views.teacher.common import bp, me, or_404, render


MAX_TEXT_KB = article_service.MAX_TEXT_BYTES // 1024


@bp.route("/articles/new", methods=["GET", "POST"])
@teacher_required
@large_body(article_service.MAX_FORM_BYTES)
def new_article() -> str | WResponse:
    """Paste or upload an article (a web page is read first and shown); generate its bank; go to review."""
    form = forms.ArticleForm()
    if form.validate_on_submit():
        upload = form.upload.data
        uploaded = upload is not None and bool(getattr(upload, "filename", ""))
        try:
            article = (article_service.decode_upload(upload.filename, upload.read(article_service.MAX_UPLOAD_BYTES + 1))
                       if uploaded else article_service.read_text(form.text.data or ""))
            if article.from_page:
                # What the page says fills the form; the teacher checks it, then generates.
                form.text.data = article.text
                form.title.data = (form.title.data or "").strip() or article.title
                form.source.data = (form.source.data or "").strip() or article.source
                if form.published_on.data is None and article.published_on is not None:
                    form.published_on.data, form.published_on.raw_data = article.published_on, None
                return render("teacher/article_new.html", form=form, page=article, max_text_kb=MAX_TEXT_KB)
            bank = article_service.create_article(
                get_session(), me().id, title=form.title.data or "", text=article.text,
                source=form.source.data, published_on=form.published_on.data,
            )
        except article_service.MissingTitle as exc:
            form.title.errors = [str(exc)]
        except article_service.ArticleInputError as exc:
            (form.upload if uploaded else form.text).errors = [str(exc)]
        else:
            flash(f"في البنك {questions_count(len(bank.questions))} بانتظار مراجعتك: اعتمد ما يصلح.", "success")
            return redirect(url_for("teacher.bank", bank_id=bank.id))
    return render("teacher/article_new.html", form=form, page=None, max_text_kb=MAX_TEXT_KB)


@bp.route("/import", methods=["GET", "POST"])
@teacher_required
def import_bank() -> str | WResponse | tuple[str, int]:
    """Import a bank from Fahim's JSON as a new article + bank (questions pending review); go to review."""
    form = forms.ImportBankForm()
    if form.validate_on_submit():
        upload = form.upload.data
        try:
            if upload is None or not getattr(upload, "filename", ""):
                raise article_service.ArticleInputError("اختر ملف بنك الأسئلة (.json) أولًا.")
            data = upload.read(bank_import.MAX_IMPORT_BYTES + 1)
            bank = bank_import.import_bank(get_session(), me().id, bank_import.parse_bank_upload(upload.filename, data))
        except article_service.ArticleInputError as exc:
            form.upload.errors = [str(exc)]
            return render("teacher/import.html", form=form), 400
        flash(f"في البنك المستورد {questions_count(len(bank.questions))} بانتظار مراجعتك.", "success")
        return redirect(url_for("teacher.bank", bank_id=bank.id))
    return render("teacher/import.html", form=form)


@bp.route("/articles/<int:article_id>")
@teacher_required
def article(article_id: int) -> str:
    """Show an article's text and its banks."""
    art = or_404(ownership.owned_article, article_id)
    session = get_session()
    return render("teacher/article.html", article=art,
                   summaries={b.id: ownership.bank_summary(session, b) for b in art.banks},
                   regenerate_form=forms.RegenerateBankForm())


@bp.route("/articles/<int:article_id>/regenerate", methods=["POST"])
@teacher_required
def regenerate(article_id: int) -> WResponse:
    """Generate a new bank for the article (with another seed)."""
    or_404(ownership.owned_article, article_id)
    if forms.RegenerateBankForm().validate_on_submit():
        bank = article_service.regenerate_bank(get_session(), me().id, article_id)
        flash("وُلّد بنك جديد.", "success")
        return redirect(url_for("teacher.bank", bank_id=bank.id))
    abort(400)
