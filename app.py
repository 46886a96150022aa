"""Entry point: ``app = create_app()``; ``python app.py`` serves on 127.0.0.1:5000 by default.

Host and port come from FAHIM_HOST / FAHIM_PORT (or instance/config.py), or --host / --port.
"""

from __future__ import annotations

import argparse

from quiz import create_app

app = create_app()


def main(argv: list[str] | None = None) -> None:
    """Serve the app with Flask's development server."""
    parser = argparse.ArgumentParser(description="Serve Fahim (development server).")
    parser.add_argument("--host", default=str(app.config["HOST"]))
    parser.add_argument("--port", type=int, default=int(app.config["PORT"]))
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args(argv)
    print(f"Fahim: http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=args.debug, use_reloader=False)


if __name__ == "__main__":
    main()
