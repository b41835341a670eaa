"""What the production rehearsals share (deploy/production_check.py and its scaled-out phase,
deploy/production_check_multinode.py): the failure type, progress lines, free ports and a mail
relay that keeps what it receives."""

from __future__ import annotations

import socket
import socketserver
import time


class CheckFailed(AssertionError):
    """One expectation of the rehearsal that did not hold."""


STARTED = time.monotonic()


def step(text: str) -> None:
    """One line of progress, with the seconds since the rehearsal started."""
    print(f"--> [{time.monotonic() - STARTED:4.0f} s] {text}", flush=True)


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise CheckFailed(what)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- A mail relay that keeps what it receives --------------------------------------------------


class SmtpSink(socketserver.ThreadingTCPServer):
    """Just enough SMTP for Django's backend (EHLO, MAIL, RCPT, DATA, QUIT), no TLS, no auth."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port: int):
        super().__init__(("127.0.0.1", port), SmtpHandler)
        self.messages: list[dict] = []

    def wait_for(self, recipient: str, text: bytes, seconds: float = 60) -> None:
        """Wait until a message to ``recipient`` (to anyone: ``""``) containing ``text`` arrives."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if any(
                (not recipient or recipient in m["to"]) and text in m["data"] for m in self.messages
            ):
                return
            time.sleep(0.5)
        raise CheckFailed(
            f"no mail to {recipient} with {text!r} within {seconds:.0f} s "
            f"({len(self.messages)} messages received)"
        )


class SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 production-check ESMTP")
        sender, recipients = "", []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in {"EHLO", "HELO"}:
                self.reply("250 production-check")
            elif verb == "MAIL":
                sender, recipients = command[10:], []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command[8:].strip("<> "))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk)
                self.server.messages.append(
                    {"from": sender, "to": recipients, "data": b"".join(data)}
                )
                self.reply("250 OK queued")
            elif verb == "RSET":
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Not implemented")
