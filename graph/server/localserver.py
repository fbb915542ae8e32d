"""A real Neo4j Community server that the project provisions from Maven Central and runs itself.

Provisioning resolves graph/server/pom.xml with Maven into ``<home>/lib`` (once; Maven's own
cache makes later provisioning on the machine fast). An *instance* is a home folder with its
own conf/, data/ and logs/, so tests can run a throwaway instance on free ports next to the
analyst's server while sharing the jars.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from pactgraph.errors import ProvisioningError

POM = Path(__file__).resolve().parent / "pom.xml"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
#: the JVM options Neo4j's own launcher passes (its neo4j.conf defaults), which starting the entry
#: point directly would otherwise lose. Without the --add-opens the page cache runs in a slower
#: fallback mode (debug.log warns "Reflection access to java.nio.DirectByteBuffer is not available").
JVM_OPTIONS = (
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+ExitOnOutOfMemoryError",
    "-XX:+UnlockExperimentalVMOptions", "-XX:+TrustFinalNonStaticFields", "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true", "-Dfile.encoding=UTF-8",
)
_LIB_MARKER = ".provisioned"


def _require(tool: str, hint: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise ProvisioningError(f"`{tool}` was not found on PATH. {hint}")
    return path


def java_binary() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    return _require("java", "Install Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless).")


def provision_lib(lib_dir: Path, *, quiet: bool = True) -> Path:
    """Resolve the server's jars into ``lib_dir`` with Maven; a no-op when already there."""
    if (lib_dir / _LIB_MARKER).exists():
        return lib_dir
    mvn = _require(
        "mvn", "Install Maven 3.8+ (Debian: apt-get install maven); it fetches Neo4j from Maven Central."
    )
    java_binary()
    staging = lib_dir.with_name(lib_dir.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    cmd = [mvn, "-B", "-f", str(POM), "dependency:copy-dependencies",
           f"-DoutputDirectory={staging}", "-DincludeScope=runtime"]
    if quiet:
        cmd.insert(1, "-q")
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise ProvisioningError(
            f"Maven could not resolve Neo4j from {POM} (exit {done.returncode}). "
            f"Check that Maven Central is reachable.\n{tail}"
        )
    (staging / _LIB_MARKER).write_text(POM.read_text())
    shutil.rmtree(lib_dir, ignore_errors=True)
    staging.rename(lib_dir)  # atomic: a half-done download never looks provisioned
    return lib_dir


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_ports(count: int) -> list[int]:
    """``count`` distinct free loopback ports (held open together so none repeats)."""
    socks = [socket.socket() for _ in range(count)]
    try:
        for sock in socks:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in socks]
    finally:
        for sock in socks:
            sock.close()


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


@dataclass
class LocalNeo4j:
    """One Neo4j instance: a home folder, two ports on loopback, shared jars."""

    home: Path
    lib_dir: Path
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "2g"
    pagecache: str = "2g"
    user: str = "neo4j"
    #: further neo4j.conf settings (e.g. Browser's post-connect commands); they win over defaults
    extra_config: dict[str, str] = field(default_factory=dict)

    @property
    def uri(self) -> str:
        return f"neo4j://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    @property
    def _pidfile(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def _password_file(self) -> Path:
        return self.home / "conf" / "password"

    def password(self) -> str:
        """The instance's generated password (made once, kept in its home, mode 600)."""
        if not self._password_file.exists():
            self._password_file.parent.mkdir(parents=True, exist_ok=True)
            # hex: never starts with '-', which the admin tool would read as an option
            self._password_file.write_text(secrets.token_hex(16))
            self._password_file.chmod(0o600)
        return self._password_file.read_text().strip()

    def write_config(self) -> None:
        conf = self.home / "conf"
        for sub in ("conf", "data", "logs", "run", "plugins", "import"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        lines = {
            "server.default_listen_address": "127.0.0.1",
            "server.default_advertised_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{self.bolt_port}",
            "server.bolt.advertised_address": f"127.0.0.1:{self.bolt_port}",
            "server.http.listen_address": f"127.0.0.1:{self.http_port}",
            "server.http.advertised_address": f"127.0.0.1:{self.http_port}",
            "server.https.enabled": "false",
            "server.directories.data": str(self.home / "data"),
            "server.directories.logs": str(self.home / "logs"),
            "server.directories.run": str(self.home / "run"),
            "server.directories.plugins": str(self.home / "plugins"),
            "server.directories.import": str(self.home / "import"),
            "server.memory.heap.initial_size": self.heap,
            "server.memory.heap.max_size": self.heap,
            "server.memory.pagecache.size": self.pagecache,
            "dbms.security.auth_enabled": "true",
            "dbms.usage_report.enabled": "false",
            "client.allow_telemetry": "false",  # Browser: no usage data from an analyst's desk
            "db.transaction.timeout": "60s",
        }
        lines.update(self.extra_config)
        (conf / "neo4j.conf").write_text("".join(f"{k}={v}\n" for k, v in lines.items()))

    def _java_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["NEO4J_HOME"] = str(self.home)
        env["NEO4J_CONF"] = str(self.home / "conf")
        return env

    def _classpath(self) -> str:
        return f"{self.lib_dir}/*"

    def _set_initial_password(self) -> None:
        if (self.home / "data" / "dbms" / "auth.ini").exists():
            return
        done = subprocess.run(
            [java_binary(), "-cp", self._classpath(), ADMIN_CLASS, "dbms",
             "set-initial-password", self.password()],
            env=self._java_env(), capture_output=True, text=True, check=False,
        )
        if done.returncode != 0:
            raise ProvisioningError(
                f"setting the initial Neo4j password failed: {done.stderr.strip()[-500:]}"
            )

    def pid(self) -> int | None:
        try:
            pid = int(self._pidfile.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        try:
            # reap it first if it is our own child that has exited (else it lingers as a zombie)
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return None
        except ChildProcessError:
            pass
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        return pid

    def running(self) -> bool:
        return self.pid() is not None and port_open(self.bolt_port)

    def start(self, *, timeout: float = 180.0) -> None:
        """Start the server (provisioning first if needed) and wait until Bolt answers."""
        if self.pid() is not None:
            self.wait_for_bolt(timeout)
            return
        for port in (self.bolt_port, self.http_port):
            if port_open(port):
                raise ProvisioningError(
                    f"port {port} on 127.0.0.1 is already taken by another process; "
                    "stop it or set PACTGRAPH_BOLT_PORT / PACTGRAPH_HTTP_PORT"
                )
        provision_lib(self.lib_dir)
        self.write_config()
        self._set_initial_password()
        console = (self.home / "logs" / "console.log").open("ab")
        cmd = [
            java_binary(), f"-Xms{self.heap}", f"-Xmx{self.heap}", *JVM_OPTIONS,
            "-cp", self._classpath(), MAIN_CLASS,
            f"--home-dir={self.home}", f"--config-dir={self.home / 'conf'}",
        ]
        proc = subprocess.Popen(cmd, env=self._java_env(), stdout=console, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        console.close()
        self._pidfile.write_text(str(proc.pid))
        self.wait_for_bolt(timeout, proc=proc)

    def wait_for_bolt(self, timeout: float, proc: subprocess.Popen[bytes] | None = None) -> None:
        """Block until a Bolt session can run a query, or raise with the log's tail."""
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError as DriverAuthError
        from neo4j.exceptions import ServiceUnavailable

        deadline = time.monotonic() + timeout
        last: Exception | None = None
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise ProvisioningError(f"Neo4j exited with {proc.returncode}.\n{self.log_tail()}")
            if port_open(self.bolt_port):
                try:
                    with GraphDatabase.driver(self.uri, auth=(self.user, self.password())) as drv:
                        drv.verify_connectivity()
                        return
                except DriverAuthError as exc:
                    raise ProvisioningError(
                        f"Neo4j at {self.uri} refused the password in {self._password_file}: {exc}"
                    ) from exc
                except (ServiceUnavailable, OSError) as exc:
                    last = exc
            time.sleep(0.25)
        raise ProvisioningError(
            f"Neo4j did not answer on Bolt within {timeout:.0f}s ({last}).\n{self.log_tail()}"
        )

    def stop(self, *, timeout: float = 60.0) -> bool:
        """Stop the server gracefully (SIGTERM, then SIGKILL); return whether one was running."""
        pid = self.pid()
        if pid is None:
            self._pidfile.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.pid() is not None:
            time.sleep(0.2)
        if self.pid() is not None:
            os.kill(pid, signal.SIGKILL)
            time.sleep(0.5)
        while time.monotonic() < deadline and port_open(self.bolt_port):
            time.sleep(0.1)
        self._pidfile.unlink(missing_ok=True)
        return True

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash would."""
        pid = self.pid()
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
            while self.pid() is not None:
                time.sleep(0.05)
        self._pidfile.unlink(missing_ok=True)

    def log_tail(self, lines: int = 20) -> str:
        out = []
        for name in ("console.log", "neo4j.log", "debug.log"):
            path = self.home / "logs" / name
            if path.exists():
                text = path.read_text(errors="replace").splitlines()[-lines:]
                out.append(f"--- {path} ---\n" + "\n".join(text))
        return "\n".join(out)
