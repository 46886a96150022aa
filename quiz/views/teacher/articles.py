"""New articles (pasted or uploaded), bank imports, an article's page and new banks."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from werkzeug.wrappers import Response as WResponse

from quiz.db import get_session
from quiz.services import articles as article_service
from quiz.services import bank_import, ownership
from quiz.views.auth import teacher_required
from quiz.views.teacher import forms
from quiz.views.teacher.common import bp, me, or_404, render


@bp.route("/articles/new", methods=["GET", "POST"])
@teacher_required
def new_article() -> str | WResponse:
    """Paste or upload an article; generate its bank; go to review."""
    form = forms.ArticleForm()
    if form.validate_on_submit():
        upload = form.upload.data
        uploaded = upload is not None and bool(getattr(upload, "filename", ""))
        try:
            if uploaded:
                text = article_service.decode_upload(upload.filename, upload.read())
            else:
                text = article_service.clean_article_text(form.text.data or "")
            bank = article_service.create_article(
                get_session(), me().id, title=form.title.data or "", text=text,
                source=form.source.data, published_on=form.published_on.data,
            )
        except article_service.ArticleInputError as exc:
            (form.upload if uploaded else form.text).errors = [str(exc)]
        else:
            n = len(bank.questions)
            flash(f"وُلّد {n} سؤالًا. راجعها واعتمد ما يصلح." if n else
                  "لم نستطع توليد أسئلة من هذا النص. جرّب مقالًا فيه أسماء وتواريخ وأرقام، أو أضف أسئلة بيدك.",
                  "success" if n else "warning")
            return redirect(url_for("teacher.bank", bank_id=bank.id))
    return render("teacher/article_new.html", form=form)


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
        flash(f"استُورد {len(bank.questions)} سؤالًا وهي بانتظار مراجعتك.", "success")
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
