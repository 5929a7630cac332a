#!/usr/bin/python3
"""Proves lt_swarm.py with libtorrent alone, before Swarmscope is put in the leecher's place.

Run with Debian's /usr/bin/python3 (python3-libtorrent). Exit 0 when every proof holds.

  lt_swarm_selftest.py [--runs N] [--strace] [--only PROOF]... [--lt-set SETTING=VALUE]...

Proofs (each run starts lt_swarm.py as a child process; the other side lives in this process):
  dht-raw        a bare BEP 5 node (a UDP socket, no libtorrent, like Swarmscope's) is given
                 with --bootstrap: libtorrent queries it and keeps it in its tables, and one
                 get_peers to a swarm node returns the seeder.
  dht-node       the leecher knows one swarm node (add_dht_node) and gets a magnet link without
                 tracker or peer; it finds the seeder through the DHT and downloads the file.
  dht-bootstrap  the leecher knows no node at all; lt_swarm.py gets it with --bootstrap, so
                 libtorrent must contact it first (what Swarmscope's node relies on).
  pex-seed       the leecher connects to the hub only and ends up connected to every other
                 peer, learned by PEX (peer_info.source has the pex bit).
  pex-empty      the hub holds no data and connects to the leecher itself (--peer); the
                 leecher can only finish by downloading from peers it learned by PEX.
  pex-raw        a bare peer (a TCP socket, no libtorrent) connects to the hub with only the
                 BEP 10 handshake and reads the first ut_pex message: every other peer, at its
                 loopback listen address, and not the receiver itself.
  pex-raw-port   the same with "p" (a listen port) in its handshake: then it is in the list.
--lt-set passes a libtorrent setting to both sides (to see which settings matter).
One "RESULT {json}" line per run with the timings, then "SUMMARY {json}" (min/median/max).
--strace runs everything under strace -f and fails if any connect/sendto/sendmsg names an
address outside 127.0.0.0/8 or ::1, or any DNS port (53).
"""

import argparse
import filecmp
import json
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import libtorrent as lt

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import lt_swarm  # noqa: E402  (shares the session settings with the swarm)

LT_SWARM = os.path.join(HERE, "lt_swarm.py")
PYTHON = "/usr/bin/python3"
READY_TIMEOUT_S = 60
PROOF_TIMEOUT_S = 60
PAYLOAD_SIZE = 2_000_003
PIECE_SIZE = 32 * 1024
UNDER_STRACE = "LT_SWARM_SELFTEST_UNDER_STRACE"
EXTRA_SWARM_ARGS = []  # --lt-set, passed on to lt_swarm.py


class ProofFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise ProofFailed(message)


class SwarmProcess:
    """lt_swarm.py as a child; its stdout lines are parsed on a reader thread."""

    def __init__(self, args):
        self.proc = subprocess.Popen([PYTHON, LT_SWARM] + args + EXTRA_SWARM_ARGS,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.lines = queue.Queue()
        self.seen = []
        self.stderr = []
        threading.Thread(target=self._read, daemon=True).start()
        # Drained too, so a chatty stderr can never fill its pipe and stall the swarm.
        threading.Thread(target=self.stderr.extend, args=(self.proc.stderr,), daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def find(self, tag, match=lambda fields: True):
        """The first `tag {json}` line read so far whose fields satisfy match, or None."""
        return next((f for t, f in self.seen if t == tag and match(f)), None)

    def pump(self, wait_s):
        """Reads the next line if one comes within wait_s; fails on ERROR or a dead swarm."""
        try:
            line = self.lines.get(timeout=max(0.001, wait_s))
        except queue.Empty:
            return
        if line is None:
            self.lines.put(None)  # stays at EOF
            raise ProofFailed("lt_swarm.py ended:\n%s\nstderr: %s"
                              % (self.transcript(), "".join(self.stderr)[-3000:]))
        word, _, rest = line.partition(" ")
        self.seen.append((word, json.loads(rest) if rest.startswith("{") else {}))
        if word == "ERROR":
            raise ProofFailed("lt_swarm.py: " + rest)

    def wait_for(self, tag, timeout_s, match=lambda fields: True):
        deadline = time.monotonic() + timeout_s
        while self.find(tag, match) is None:
            check(time.monotonic() < deadline, "lt_swarm.py printed no such %s line in %g s:\n%s"
                  % (tag, timeout_s, self.transcript()))
            self.pump(deadline - time.monotonic())
        return self.find(tag, match)

    def transcript(self):
        return "\n".join("%s %s" % (t, json.dumps(f)) for t, f in self.seen[-40:])

    def close(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()  # the swarm ends at EOF on stdin
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc.stdout.close()


class Leecher:
    """A libtorrent session on its own loopback address, standing in for Swarmscope."""

    def __init__(self, host, dht):
        cat = lt.alert.category_t
        mask = cat.error_notification | cat.peer_log_notification | cat.tracker_notification \
            | cat.dht_notification
        self.session = lt.session(lt_swarm.session_settings(host, 0, dht, mask))
        lt_swarm.wait_until(lambda: self.session.listen_port() != 0, 10, "the leecher to listen")
        self.endpoint = "%s:%d" % (host, self.session.listen_port())
        self.handle = None
        self.first_pex = None  # monotonic time of the first ut_pex message received
        self.dht_peers = None  # of the first DHT lookup that returned peers

    def add(self, ti=None, info_hash=None, save_path=None):
        if ti is not None:
            atp = lt.add_torrent_params()
            atp.ti = ti
        else:  # the magnet link alone: no tracker, no peer
            atp = lt.parse_magnet_uri("magnet:?xt=urn:btih:" + info_hash)
        atp.save_path = save_path
        self.handle = self.session.add_torrent(atp)

    def drain(self):
        for a in self.session.pop_alerts():
            if isinstance(a, lt.peer_log_alert) and "<== PEX [" in a.message():
                self.first_pex = self.first_pex or time.monotonic()
            elif isinstance(a, lt.dht_reply_alert) and a.num_peers > 0:
                self.dht_peers = self.dht_peers or time.monotonic()

    def peers(self):
        """Connected peers past the handshake: endpoint -> (source flags, outgoing)."""
        out = {}
        for p in self.handle.get_peer_info():
            if not p.flags & (lt.peer_info.connecting | lt.peer_info.handshake):
                out["%s:%d" % p.ip] = (p.source, bool(p.flags & lt.peer_info.outgoing_connection))
        return out

    def close(self):
        self.session.pause()
        self.session = None


def make_payload(tmp):
    data = os.path.join(tmp, "data")
    os.makedirs(data)
    path = os.path.join(data, "payload.bin")
    with open(path, "wb") as f:
        f.write(os.urandom(PAYLOAD_SIZE))
    fs = lt.file_storage()
    lt.add_files(fs, path)
    # v1 only, like Swarmscope's torrents (a hybrid one would also announce its v2 hash).
    ct = lt.create_torrent(fs, PIECE_SIZE, flags=lt.create_torrent.v1_only)
    lt.set_piece_hashes(ct, data)
    torrent = os.path.join(tmp, "payload.torrent")
    with open(torrent, "wb") as f:
        f.write(lt.bencode(ct.generate()))
    return torrent, data


def wait_for_download(leecher, started, deadline, timings):
    """Drives the leecher until every piece is verified; records when it got a peer from the
    DHT, a connected peer, the metadata and every piece (seconds after `started`)."""
    while True:
        leecher.drain()
        st = leecher.handle.status()
        now = time.monotonic()
        if "dht_peers_s" not in timings and leecher.dht_peers is not None:
            timings["dht_peers_s"] = round(leecher.dht_peers - started, 3)
        if "first_peer_s" not in timings and st.num_peers > 0:
            timings["first_peer_s"] = round(now - started, 3)
        if "metadata_s" not in timings and st.has_metadata:
            timings["metadata_s"] = round(now - started, 3)
        if st.is_seeding:
            timings["complete_s"] = round(now - started, 3)
            return
        check(st.errc.value() == 0, "leecher error: " + st.errc.message())
        check(now < deadline, "leecher not complete after %d s: %s pieces %d peers %d"
              % (PROOF_TIMEOUT_S, st.state, st.num_pieces, st.num_peers))
        time.sleep(0.02)


def same_file(leecher, data, save_path):
    leecher.handle.flush_cache()
    time.sleep(0.2)  # let the disk threads finish their writes (as lt_peer.py does)
    copy = os.path.join(save_path, "payload.bin")
    return os.path.exists(copy) and filecmp.cmp(os.path.join(data, "payload.bin"), copy,
                                                shallow=False)


def prove_dht(torrent, data, tmp, via_bootstrap):
    ti = lt.torrent_info(torrent)
    info_hash = str(ti.info_hash())
    save = tempfile.mkdtemp(dir=tmp)
    leecher = Leecher("127.0.0.20", dht=True)
    args = ["dht", "--torrent", torrent, "--data", data, "--nodes", "4", "--timeout", "120"]
    if via_bootstrap:
        args += ["--bootstrap", leecher.endpoint]
    swarm = SwarmProcess(args)
    try:
        ready = swarm.wait_for("READY", READY_TIMEOUT_S)
        check(ready["info_hash"] == info_hash, "READY names another info-hash")
        timings = {"setup_s": ready["setup_s"]}
        if via_bootstrap:
            # The leecher was told nothing: the swarm must have found it.
            seen = swarm.wait_for("NODE_SEEN", 20, lambda f: f["peer"] == leecher.endpoint)
            timings["node_seen_s"] = seen["t"]
        else:
            node = ready["nodes"][-1]  # not the seeder
            leecher.session.add_dht_node((node["host"], node["dht_port"]))
        lt_swarm.wait_until(lambda: len(lt_swarm.routing_table(leecher.session)) > 0, 20,
                            "a node in the leecher's DHT table")
        started = time.monotonic()
        leecher.add(info_hash=info_hash, save_path=save)
        wait_for_download(leecher, started, started + PROOF_TIMEOUT_S, timings)
        check(same_file(leecher, data, save), "downloaded file differs from the payload")
        peers = leecher.peers()
        seeder = ready["seeder"]
        check(seeder in peers, "leecher is not connected to the seeder %s: %s" % (seeder, peers))
        check(peers[seeder][0] & lt.peer_info.dht, "seeder's source lacks the dht bit: %d"
              % peers[seeder][0])
        check(not any(src & lt.peer_info.tracker for src, _ in peers.values()), "tracker peer?")
        return timings
    finally:
        swarm.close()
        leecher.close()


def prove_pex(torrent, data, tmp, hub):
    ti = lt.torrent_info(torrent)
    save = tempfile.mkdtemp(dir=tmp)
    leecher = Leecher("127.0.0.30", dht=False)
    if hub == "seed":
        # A finished libtorrent never dials a known seed: keep the leecher from finishing off
        # the hub before the first PEX arrives (2 MB at 100 kB/s).
        leecher.session.apply_settings({"download_rate_limit": 100_000})
    leecher.add(ti=ti, save_path=save)
    hub_dials = hub == "empty"  # the empty hub connects to the leecher (--peer)
    args = ["pex", "--torrent", torrent, "--data", data, "--others", "3", "--hub", hub,
            "--timeout", "120"]
    if hub_dials:
        args += ["--peer", leecher.endpoint]
    swarm = SwarmProcess(args)
    try:
        ready = swarm.wait_for("READY", READY_TIMEOUT_S)
        others = {"%s:%d" % (o["host"], o["port"]) for o in ready["others"]}
        started = time.monotonic()
        if not hub_dials:
            leecher.handle.connect_peer((ready["hub"]["host"], ready["hub"]["port"]))
        timings = {"setup_s": ready["setup_s"]}
        deadline = started + PROOF_TIMEOUT_S
        hub_connected = None
        while True:
            leecher.drain()
            peers = leecher.peers()
            if peers and hub_connected is None:
                hub_connected = time.monotonic()  # the hub is the only peer it can have first
                timings["hub_connected_s"] = round(hub_connected - started, 3)
            by_pex = {ep for ep, (src, out) in peers.items() if src & lt.peer_info.pex and out}
            if others <= by_pex:
                break
            check(time.monotonic() < deadline, "after %d s the leecher knows %s by PEX, not %s"
                  % (PROOF_TIMEOUT_S, sorted(by_pex), sorted(others)))
            time.sleep(0.02)
        now = time.monotonic()
        check(leecher.first_pex is not None, "connected to the others but saw no ut_pex message")
        timings["first_pex_s"] = round(leecher.first_pex - started, 3)
        timings["pex_after_connect_s"] = round(leecher.first_pex - hub_connected, 3)
        timings["all_others_s"] = round(now - started, 3)
        # What the swarm reports about the same exchange, for Swarmscope's tests to rely on.
        host = leecher.endpoint.split(":")[0]
        sent = swarm.wait_for("PEX_SENT", 10, lambda f: f["to"].startswith(host + ":"))
        check(sent["kind"] == "full" and sent["added"] >= len(others),
              "first PEX to the leecher: %s" % sent)
        hs = swarm.wait_for("EXT_HANDSHAKE", 1, lambda f: f["peer"].startswith(host + ":"))
        check(hs["ut_pex"], "the hub did not see ut_pex in the leecher's handshake")
        if hub == "empty":
            check(ready["hub"]["seeding"] is False, "the empty hub claims to seed")
            done = {}
            wait_for_download(leecher, started, deadline, done)
            timings["complete_s"] = done["complete_s"]
            check(same_file(leecher, data, save), "downloaded file differs from the payload")
        return timings
    finally:
        swarm.close()
        leecher.close()


class RawPeer:
    """A bare BitTorrent peer (no libtorrent) that only speaks the extension protocol."""

    UT_PEX = 1  # our id for ut_pex in the extension handshake

    def __init__(self, host):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind((host, 0))
        self.endpoint = "%s:%d" % self.sock.getsockname()
        self.buffer = b""

    def connect(self, to, info_hash, listen_port):
        self.sock.settimeout(5)
        self.sock.connect(to)
        reserved = bytearray(8)
        reserved[5] |= 0x10  # BEP 10
        self.sock.sendall(b"\x13BitTorrent protocol" + bytes(reserved) + info_hash
                          + b"-RW0001-" + os.urandom(12))
        theirs = self.read_exact(68)
        check(theirs[28:48] == info_hash and theirs[25] & 0x10, "hub handshake: %r" % theirs)
        hs = {"m": {"ut_pex": self.UT_PEX}, "v": "raw selftest peer"}
        if listen_port:
            hs["p"] = listen_port
        self.send_extended(0, lt.bencode(hs))

    def send_extended(self, ext_id, payload):
        body = bytes([20, ext_id]) + payload
        self.sock.sendall(len(body).to_bytes(4, "big") + body)

    def read_exact(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            check(chunk, "the hub closed the connection")
            self.buffer += chunk
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def next_pex(self, timeout_s):
        """Reads messages until a ut_pex one arrives; returns its decoded dictionary."""
        deadline = time.monotonic() + timeout_s
        while True:
            self.sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                length = int.from_bytes(self.read_exact(4), "big")
                body = self.read_exact(length)
            except socket.timeout:
                raise ProofFailed("no ut_pex message within %g s" % timeout_s)
            if length >= 2 and body[0] == 20 and body[1] == self.UT_PEX:
                return lt.bdecode(body[2:])

    def close(self):
        self.sock.close()


def compact_peers(blob):
    return ["%d.%d.%d.%d:%d" % (b[0], b[1], b[2], b[3], b[4] << 8 | b[5])
            for b in (blob[i:i + 6] for i in range(0, len(blob) - 5, 6))]


def prove_pex_raw(torrent, data, tmp, send_port):
    """What a non-libtorrent receiver gets: the first ut_pex message from the hub, parsed."""
    info_hash = lt.torrent_info(torrent).info_hash().to_bytes()
    swarm = SwarmProcess(["pex", "--torrent", torrent, "--data", data, "--others", "3",
                          "--timeout", "120"])
    peer = RawPeer("127.0.0.50")
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # only for "p"
    try:
        listener.bind(("127.0.0.50", 0))
        listener.listen(4)
        ready = swarm.wait_for("READY", READY_TIMEOUT_S)
        others = {"%s:%d" % (o["host"], o["port"]) for o in ready["others"]}
        peer.connect((ready["hub"]["host"], ready["hub"]["port"]), info_hash,
                     listener.getsockname()[1] if send_port else 0)
        started = time.monotonic()
        pex = peer.next_pex(10)
        timings = {"pex_after_ext_handshake_s": round(time.monotonic() - started, 3)}
        added = compact_peers(pex.get(b"added", b""))
        flags = pex.get(b"added.f", b"")
        check(len(flags) == len(added), "added.f does not match added: %s" % pex)
        check(others <= set(added), "first PEX %s lacks some of %s" % (added, sorted(others)))
        check(pex.get(b"dropped", b"") == b"", "first PEX drops peers: %s" % pex)
        ours = "127.0.0.50:%d" % listener.getsockname()[1]
        check((ours in added) == send_port, "the receiver's own %s in the list: %s" % (ours, added))
        timings["added"] = len(added)
        timings["seed_flags"] = sorted({flags[added.index(o)] for o in others})
        sent = swarm.wait_for("PEX_SENT", 5, lambda f: f["to"] == peer.endpoint)
        check(sent["kind"] == "full" and sent["added"] == len(added), "PEX_SENT %s" % sent)
        hs = swarm.wait_for("EXT_HANDSHAKE", 1, lambda f: f["peer"] == peer.endpoint)
        check(hs["ut_pex"], "EXT_HANDSHAKE says no ut_pex: %s" % hs)
        return timings
    finally:
        peer.close()
        listener.close()
        swarm.close()


class RawNode:
    """A bare BEP 5 node on a UDP socket, as Swarmscope's will be: no libtorrent on this side."""

    def __init__(self, host):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, 0))
        self.endpoint = "%s:%d" % self.sock.getsockname()
        self.id = os.urandom(20)
        self.queries_answered = 0

    def query(self, to, q, args, timeout_s):
        """Sends one query; answers the libtorrent queries that arrive meanwhile."""
        tid = os.urandom(2)
        args = dict(args, id=self.id)
        self.sock.sendto(lt.bencode({"t": tid, "y": "q", "q": q, "a": args}), to)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            msg, sender = self.receive(deadline - time.monotonic())
            if msg is not None and msg.get(b"t") == tid and sender == to:
                check(msg.get(b"y") == b"r", "%s answered %s with %s" % (to, q, msg))
                return msg[b"r"]
        raise ProofFailed("no answer to %s from %s" % (q, to))

    def serve(self, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.receive(deadline - time.monotonic())

    def receive(self, wait_s):
        self.sock.settimeout(max(0.01, wait_s))
        try:
            data, sender = self.sock.recvfrom(2048)
        except socket.timeout:
            return None, None
        msg = lt.bdecode(data)
        if not isinstance(msg, dict):
            return None, None
        if msg.get(b"y") == b"q":  # ping / find_node / get_peers / announce_peer: no peers here
            reply = {"id": self.id, "nodes": b"", "token": b"tok0"}
            self.sock.sendto(lt.bencode({"t": msg.get(b"t", b""), "y": "r", "r": reply}), sender)
            self.queries_answered += 1
            return None, None
        return msg, sender

    def close(self):
        self.sock.close()


def prove_dht_raw(torrent, data, tmp):
    """Our own node joins through --bootstrap and finds the seeder with one get_peers."""
    info_hash = str(lt.torrent_info(torrent).info_hash())
    node = RawNode("127.0.0.40")
    swarm = SwarmProcess(["dht", "--torrent", torrent, "--data", data, "--nodes", "4",
                          "--timeout", "120", "--bootstrap", node.endpoint])
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while swarm.find("READY") is None:  # answer libtorrent's queries while it sets up
            check(time.monotonic() < deadline, "no READY within %d s" % READY_TIMEOUT_S)
            node.serve(0.05)
            swarm.pump(0.01)
        ready = swarm.find("READY")
        timings = {"setup_s": ready["setup_s"]}
        check(node.queries_answered > 0, "libtorrent never queried the --bootstrap node")
        seen = swarm.wait_for("NODE_SEEN", 10, lambda f: f["peer"] == node.endpoint)
        timings["node_seen_s"] = seen["t"]
        target = ready["nodes"][-1]
        started = time.monotonic()
        r = node.query((target["host"], target["dht_port"]), "get_peers",
                       {"info_hash": bytes.fromhex(info_hash)}, 5)
        timings["get_peers_rtt_s"] = round(time.monotonic() - started, 4)
        values = ["%d.%d.%d.%d:%d" % (v[0], v[1], v[2], v[3], v[4] << 8 | v[5])
                  for v in r.get(b"values", []) if len(v) == 6]
        check(ready["seeder"] in values, "get_peers values %s lack the seeder %s"
              % (values, ready["seeder"]))
        check(len(r.get(b"token", b"")) > 0, "get_peers answer without a token")
        q = swarm.wait_for("DHT_QUERY", 5, lambda f: f["from"] == node.endpoint
                           and f["q"] == "get_peers" and f["target"] == info_hash)
        check(q["node"] == "dht%d" % (len(ready["nodes"]) - 1), "DHT_QUERY names %s" % q)
        return timings
    finally:
        swarm.close()
        node.close()


PROOFS = {
    "dht-raw": prove_dht_raw,
    "dht-node": lambda t, d, tmp: prove_dht(t, d, tmp, via_bootstrap=False),
    "dht-bootstrap": lambda t, d, tmp: prove_dht(t, d, tmp, via_bootstrap=True),
    "pex-seed": lambda t, d, tmp: prove_pex(t, d, tmp, hub="seed"),
    "pex-empty": lambda t, d, tmp: prove_pex(t, d, tmp, hub="empty"),
    "pex-raw": lambda t, d, tmp: prove_pex_raw(t, d, tmp, send_port=False),
    "pex-raw-port": lambda t, d, tmp: prove_pex_raw(t, d, tmp, send_port=True),
}


def summarize(results):
    summary = {}
    for name, runs in results.items():
        keys = sorted({k for r in runs for k, v in r.items() if isinstance(v, (int, float))})
        summary[name] = {k: [min(v), round(statistics.median(v), 4), max(v)]
                         for k in keys for v in [[r[k] for r in runs if k in r]]}
    return summary


def run_proofs(args):
    tmp = tempfile.mkdtemp(prefix="lt_swarm_selftest_")
    try:
        torrent, data = make_payload(tmp)
        results = {}
        for name in args.only or PROOFS:
            for run in range(args.runs):
                timings = PROOFS[name](torrent, data, tmp)
                results.setdefault(name, []).append(timings)
                print("RESULT", json.dumps({"proof": name, "run": run, **timings}), flush=True)
        print("SUMMARY", json.dumps(summarize(results)), flush=True)
        return 0
    except ProofFailed as e:
        print("FAILED", e, flush=True)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# strace prints IPv4 as sin_addr=inet_addr("a.b.c.d"), IPv6 as inet_pton(AF_INET6, "x::y", ...).
ADDR = re.compile(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6?, "([^"]+)"')
PORT = re.compile(r"sin6?_port=htons\((\d+)\)")


def foreign_traffic(log_path):
    """The strace lines whose socket address is not loopback, or that go to a DNS port."""
    bad, seen = [], set()
    with open(log_path) as f:
        for line in f:
            addrs = [a or b for a, b in ADDR.findall(line)]
            seen.update(addrs)
            if any(not (a.startswith("127.") or a in ("::1", "::ffff:127.0.0.1")) for a in addrs) \
                    or "53" in PORT.findall(line):
                bad.append(line.strip())
    return bad, seen


def run_under_strace(argv):
    if shutil.which("strace") is None:
        print("FAILED strace is not installed", flush=True)
        return 1
    log = tempfile.NamedTemporaryFile(prefix="lt_swarm_strace_", suffix=".log", delete=False)
    log.close()
    try:
        env = dict(os.environ, **{UNDER_STRACE: "1"})
        cmd = ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg,sendmmsg",
               "-o", log.name, PYTHON, os.path.abspath(__file__)] + argv
        rc = subprocess.run(cmd, env=env, timeout=1800).returncode
        bad, seen = foreign_traffic(log.name)
        print("STRACE", json.dumps({"addresses": sorted(seen), "foreign": bad[:20]}), flush=True)
        if bad:
            print("FAILED traffic outside loopback", flush=True)
            return 1
        check_seen = [a for a in seen if a.startswith("127.")]
        if not check_seen:
            print("FAILED strace saw no socket address at all", flush=True)
            return 1
        return rc
    finally:
        os.unlink(log.name)


def main():
    parser = argparse.ArgumentParser(description="prove lt_swarm.py with libtorrent alone")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", action="append", choices=sorted(PROOFS))
    parser.add_argument("--strace", action="store_true", help="fail on any non-loopback traffic")
    parser.add_argument("--lt-set", type=lt_swarm.parse_override, action="append", default=[],
                        metavar="SETTING=VALUE", help="override a libtorrent setting everywhere")
    args = parser.parse_args()
    lt_swarm.OVERRIDES.update(args.lt_set)
    EXTRA_SWARM_ARGS.extend(a for name, value in args.lt_set
                            for a in ("--lt-set", "%s=%s" % (name, value)))
    if args.strace and not os.environ.get(UNDER_STRACE):
        return run_under_strace([a for a in sys.argv[1:] if a != "--strace"])
    return run_proofs(args)


if __name__ == "__main__":
    sys.exit(main())
