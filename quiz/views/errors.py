"""Arabic error pages (400/403/404/405/429/500), or JSON for fetch requests."""

from __future__ import annotations

from flask import Flask, g, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from quiz.db import rollback_session

MESSAGES = {
    400: ("طلب غير صالح", "تعذّر فهم الطلب. ارجع إلى الصفحة السابقة وحاول مرة أخرى."),
    403: ("غير مسموح", "ليس لديك إذن بفتح هذه الصفحة."),
    404: ("الصفحة غير موجودة", "لم نجد ما تبحث عنه. تأكد من الرابط أو من رمز الاختبار."),
    405: ("طريقة غير مسموحة", "لا يمكن تنفيذ هذا الإجراء بهذه الطريقة."),
    413: ("الملف كبير جدًا", "حجم ما أرسلته أكبر من المسموح."),
    429: ("طلبات كثيرة", "أرسلت طلبات كثيرة في وقت قصير. انتظر قليلًا ثم حاول مرة أخرى."),
    500: ("خطأ في الخادم", "حدث خطأ غير متوقع. لم يُحفظ الإجراء الأخير؛ حاول مرة أخرى بعد قليل."),
}
CSRF_MESSAGE = ("انتهت صلاحية النموذج", "انتهت صلاحية الصفحة أو الجلسة. أعد تحميل الصفحة ثم حاول مرة أخرى.")


def _wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


def render_error(code: int, title: str, message: str) -> ResponseReturnValue:
    """Render the Arabic error page (or JSON for fetch) for ``code``."""
    if _wants_json():
        return jsonify(error=title, message=message), code
    template = f"errors/{code}.html" if code in (400, 403, 404, 500) else "errors/error.html"
    return render_template(template, code=code, title=title, message=message), code


def handle_http(exc: HTTPException) -> ResponseReturnValue:
    """Show an HTTP error in Arabic."""
    code = exc.code or 500
    title, message = MESSAGES.get(code, (exc.name, ""))
    return render_error(code, title, message)


def handle_csrf(_exc: CSRFError) -> ResponseReturnValue:
    """Explain a missing or stale CSRF token in Arabic."""
    return render_error(400, *CSRF_MESSAGE)


def handle_500(_exc: Exception) -> ResponseReturnValue:
    """Roll back the request's session and show the Arabic 500 page."""
    rollback_session()
    g.current_user = None  # render without touching a database that may be the cause
    return render_error(500, *MESSAGES[500])


def init_app(app: Flask) -> None:
    """Register the handlers on ``app``."""
    app.register_error_handler(CSRFError, handle_csrf)
    app.register_error_handler(InternalServerError, handle_500)
    app.register_error_handler(HTTPException, handle_http)
