#!/usr/bin/python3
"""libtorrent's view of a torrent, for tst_interop. Every subcommand prints one JSON object.

Run with Debian's /usr/bin/python3 (package python3-libtorrent); other Pythons lack the module.

  lt_tool.py info <torrent>
  lt_tool.py create <path> <out.torrent> [--piece-size N] [--tracker URL]...
  lt_tool.py verify <torrent> <save_path>

Exit status: 0 success, 1 failure (message on stderr), 2 bad arguments.
"""

import argparse
import json
import locale
import os
import sys
import time

import libtorrent as lt

# libtorrent converts file names between UTF-8 (torrent) and the C library's locale charset
# (disk). Under a C/POSIX locale, as CI runners often have, non-ASCII names turn into '?' and
# files are not found. The names on disk are UTF-8, so use a UTF-8 locale whatever the caller's.
for _name in ("C.UTF-8", "C.utf8", "en_US.UTF-8"):
    try:
        locale.setlocale(locale.LC_CTYPE, _name)
        break
    except locale.Error:
        pass

VERIFY_TIMEOUT_S = 60


def info(args):
    ti = lt.torrent_info(args.torrent)
    fs = ti.files()
    files = []
    for i in range(fs.num_files()):
        files.append({
            "path": fs.file_path(i).replace(os.sep, "/"),
            "size": fs.file_size(i),
            "pad": bool(fs.file_flags(i) & lt.file_storage.flag_pad_file),
        })
    out = {
        "info_hash": str(ti.info_hashes().v1),
        "name": ti.name(),
        "total_size": ti.total_size(),
        "piece_length": ti.piece_length(),
        "num_pieces": ti.num_pieces(),
        "files": files,
        "trackers": [{"url": t.url, "tier": t.tier} for t in ti.trackers()],
        "private": ti.priv(),
        "web_seeds": [w["url"] for w in ti.web_seeds()],
    }
    print(json.dumps(out))


def create(args):
    fs = lt.file_storage()
    lt.add_files(fs, args.path)
    if fs.num_files() == 0:
        sys.exit("lt_tool.py create: no files under " + args.path)
    ct = lt.create_torrent(fs, args.piece_size, lt.create_torrent.v1_only)
    for tier, url in enumerate(args.tracker):
        ct.add_tracker(url, tier)
    # Paths in the file storage are relative to the folder holding `path`.
    lt.set_piece_hashes(ct, os.path.dirname(os.path.abspath(args.path)))
    data = lt.bencode(ct.generate())
    with open(args.out, "wb") as f:
        f.write(data)
    print(json.dumps({"out": args.out}))


def verify(args):
    original = lt.torrent_info(args.torrent)
    # Only the info dictionary, byte for byte: no trackers or web seeds the session could
    # contact, while the piece hashes being checked stay exactly the torrent's.
    ti = lt.torrent_info(lt.bdecode(b"d4:info" + original.info_section() + b"e"))

    settings = {
        "listen_interfaces": "127.0.0.1:0",
        "enable_dht": False,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "dht_bootstrap_nodes": "",
        "alert_mask": 0,
    }
    ses = lt.session(settings)
    atp = lt.add_torrent_params()
    atp.ti = ti
    atp.save_path = args.save_path
    handle = ses.add_torrent(atp)

    checking = (lt.torrent_status.checking_files, lt.torrent_status.checking_resume_data)
    deadline = time.monotonic() + VERIFY_TIMEOUT_S
    while True:
        st = handle.status()
        if st.errc.value() != 0:
            sys.exit("lt_tool.py verify: " + st.errc.message())
        if st.has_metadata and st.state not in checking:
            break
        if time.monotonic() > deadline:
            sys.exit("lt_tool.py verify: checking did not finish in %d s" % VERIFY_TIMEOUT_S)
        time.sleep(0.05)

    print(json.dumps({
        "pieces_have": st.num_pieces,
        "num_pieces": ti.num_pieces(),
        "is_seeding": st.is_seeding,
    }))


def main():
    parser = argparse.ArgumentParser(description="libtorrent's view of a torrent, as JSON")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("info")
    p.add_argument("torrent")
    p.set_defaults(run=info)

    p = sub.add_parser("create")
    p.add_argument("path")
    p.add_argument("out")
    p.add_argument("--piece-size", type=int, default=0)
    p.add_argument("--tracker", action="append", default=[])
    p.set_defaults(run=create)

    p = sub.add_parser("verify")
    p.add_argument("torrent")
    p.add_argument("save_path")
    p.set_defaults(run=verify)

    args = parser.parse_args()
    try:
        args.run(args)
    except RuntimeError as e:  # libtorrent's errors (bad torrent, I/O)
        sys.exit("lt_tool.py %s: %s" % (args.command, e))


if __name__ == "__main__":
    main()
