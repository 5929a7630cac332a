#!/usr/bin/python3
"""A libtorrent peer for tst_engineinterop: seeds or downloads one torrent over TCP on loopback.

Run with Debian's /usr/bin/python3 (package python3-libtorrent); other Pythons lack the module.

  lt_peer.py seed <torrent> <save_path> <listen_port> [--host H] [--peer host:port]... [--trackers]
  lt_peer.py download <torrent> <save_path> <listen_port> [--host H] [--peer host:port]...
             [--timeout S] [--magnet]

listen_port 0 picks a free port. The first line printed is "listening <host>:<port>"; then one
"progress <state> <pieces>/<total> peers <n> down <bytes> up <bytes>" line about every 0.5 s.
`seed` checks the data, prints "seeding" once every piece is verified, then serves until it is
killed. `download` prints "complete" and exits 0 once every piece is verified; it exits 1 on an
error or after --timeout seconds. With --magnet it starts from the info-hash alone and fetches the
metadata from its peers (BEP 9) before downloading.

Only TCP (uTP is off: Swarmscope speaks TCP only), no DHT, LSD, UPnP or NAT-PMP, and by default
no tracker is contacted: the torrent is loaded from its info dictionary alone and peers are given
with --peer (connect_peer), because libtorrent may skip loopback peers that a tracker returns.
`seed --trackers` keeps the torrent's trackers and announces to them (HTTP and UDP), so others find
this seeder there; every tracker must be a loopback address (anything else is refused). It then
also prints "tracker reply <url> peers <n>" per answer and "tracker error <url>: <message>".
Findings (libtorrent 2.0.8): announces leave from the --host address (HTTP through
outgoing_interfaces, UDP from the listen socket), so a tracker hands out --host:<listen port>;
an HTTP tracker on loopback must use the path /announce (ssrf_mitigation).
"""

import argparse
import ipaddress
import locale
import sys
import time
import urllib.parse

import libtorrent as lt

# File names on disk are UTF-8 whatever the caller's locale (see lt_tool.py).
for _name in ("C.UTF-8", "C.utf8", "en_US.UTF-8"):
    try:
        locale.setlocale(locale.LC_CTYPE, _name)
        break
    except locale.Error:
        pass

PROGRESS_INTERVAL_S = 0.5


def parse_endpoint(text):
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError("expected host:port, not " + text)
    return host, int(port)


def make_session(host, port, trackers=False):
    mask = lt.alert.category_t.error_notification | lt.alert.category_t.status_notification
    if trackers:
        mask |= lt.alert.category_t.tracker_notification
    settings = {
        "listen_interfaces": "%s:%d" % (host, port),
        # Outgoing connections leave from the same address, so the other side sees who we are.
        "outgoing_interfaces": host,
        "enable_dht": False,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "dht_bootstrap_nodes": "",
        "enable_outgoing_utp": False,
        "enable_incoming_utp": False,
        "enable_outgoing_tcp": True,
        "enable_incoming_tcp": True,
        # Every test peer lives on 127.0.0.x: do not drop a second connection from one address.
        "allow_multiple_connections_per_ip": True,
        "alert_mask": mask,
    }
    return lt.session(settings)


def wait_listening(ses, host):
    deadline = time.monotonic() + 10
    while not ses.is_listening() or ses.listen_port() == 0:
        if time.monotonic() > deadline:
            sys.exit("lt_peer.py: could not listen on " + host)
        time.sleep(0.02)
    print("listening %s:%d" % (host, ses.listen_port()), flush=True)


def add_magnet(ses, torrent, save_path):
    info_hash = str(lt.torrent_info(torrent).info_hash())
    atp = lt.parse_magnet_uri("magnet:?xt=urn:btih:" + info_hash)
    atp.save_path = save_path
    return ses.add_torrent(atp)


def check_loopback_trackers(ti):
    """Refuses a torrent announcing anywhere but loopback: no test may send a packet outside."""
    for entry in ti.trackers():
        host = urllib.parse.urlsplit(entry.url).hostname or ""
        try:
            ok = ipaddress.ip_address(host).is_loopback
        except ValueError:
            ok = False  # a name would need DNS
        if not ok:
            sys.exit("lt_peer.py: tracker %s is not a loopback address" % entry.url)


def add_torrent(ses, torrent, save_path, trackers=False):
    original = lt.torrent_info(torrent)
    if trackers:
        check_loopback_trackers(original)
        ti = original
    else:
        # Only the info dictionary: the torrent's trackers must never be contacted.
        ti = lt.torrent_info(lt.bdecode(b"d4:info" + original.info_section() + b"e"))
    atp = lt.add_torrent_params()
    atp.ti = ti
    atp.save_path = save_path
    return ses.add_torrent(atp), ti


def progress_line(st, total):
    return "progress %s %d/%d peers %d down %d up %d" % (
        str(st.state).split(".")[-1], st.num_pieces, total, st.num_peers,
        st.total_payload_download, st.total_payload_upload)


def drain_alerts(ses):
    for a in ses.pop_alerts():
        if isinstance(a, lt.tracker_reply_alert):
            print("tracker reply %s peers %d" % (a.tracker_url(), a.num_peers), flush=True)
        elif isinstance(a, lt.tracker_error_alert):
            print("tracker error %s: %s" % (a.tracker_url(), a.error_message() or a.message()), flush=True)
        elif a.category() & lt.alert.category_t.error_notification:
            print("alert %s: %s" % (a.what(), a.message()), flush=True)


def run(args):
    ses = make_session(args.host, args.listen_port, args.trackers)
    wait_listening(ses, args.host)
    if args.magnet:
        handle, total = add_magnet(ses, args.torrent, args.save_path), -1
    else:
        handle, ti = add_torrent(ses, args.torrent, args.save_path, args.trackers)
        total = ti.num_pieces()
    connected = False
    announced_seeding = False
    deadline = time.monotonic() + args.timeout if args.timeout > 0 else None
    last_print = 0.0
    checking = (lt.torrent_status.checking_files, lt.torrent_status.checking_resume_data)
    while True:
        st = handle.status()
        if st.errc.value() != 0:
            print("error " + st.errc.message(), flush=True)
            return 1
        drain_alerts(ses)
        if total < 0 and st.has_metadata:
            total = handle.torrent_file().num_pieces()
            print("metadata received", flush=True)
        # Peers are added once the data check is over: a checking torrent drops connections.
        if not connected and st.state not in checking:
            for host, port in args.peer:
                handle.connect_peer((host, port))
            connected = True
        now = time.monotonic()
        if now - last_print >= PROGRESS_INTERVAL_S:
            print(progress_line(st, total), flush=True)
            last_print = now
        done = total >= 0 and st.state not in checking and st.num_pieces == total
        if args.command == "seed" and done and not announced_seeding:
            print("seeding", flush=True)
            announced_seeding = True
        if args.command == "download" and done:
            print(progress_line(st, total), flush=True)
            # Let the disk threads finish their writes before the files are compared.
            handle.flush_cache()
            time.sleep(0.2)
            print("complete", flush=True)
            return 0
        if deadline is not None and now > deadline:
            print("timeout after %d s" % args.timeout, flush=True)
            return 1
        time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser(description="a libtorrent peer on loopback, TCP only")
    parser.add_argument("command", choices=["seed", "download"])
    parser.add_argument("torrent")
    parser.add_argument("save_path")
    parser.add_argument("listen_port", type=int)
    parser.add_argument("--host", default="127.0.0.2")
    parser.add_argument("--peer", type=parse_endpoint, action="append", default=[])
    parser.add_argument("--timeout", type=float, default=0, help="download: give up after S seconds")
    parser.add_argument("--magnet", action="store_true", help="download: start from the info-hash alone")
    parser.add_argument("--trackers", action="store_true",
                        help="seed: announce to the torrent's trackers (loopback only)")
    args = parser.parse_args()
    try:
        sys.exit(run(args))
    except RuntimeError as e:  # libtorrent's errors (bad torrent, I/O)
        sys.exit("lt_peer.py %s: %s" % (args.command, e))


if __name__ == "__main__":
    main()
