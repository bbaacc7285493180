"""The bad inputs of the audit (benchmarks/bad_inputs_audit.py): about two thousand entries of an input
folder, each made here, none taken from a corpus. ``make_inputs`` fills a folder and returns how many
entries of each kind it made."""

import json
import os
import random
import socket
import stat
from collections import Counter
from pathlib import Path

SECRET = "AUDIT-SECRET-root:x:0:0"  # in files outside the folder: must never reach the warehouse
PEOPLE = ["Сергей Шойгу", "Закир Гасанов", "Виктор Хренин", "Нурлан Ермекбаев", "Бахадыр Курбанов"]
PLACES = ["Минске", "Баку", "Ереване", "Ташкенте", "Астане"]
ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "cp1251",
    "koi8-r",
    "koi8-u",
    "mac-cyrillic",
    "iso8859-5",
    "cp866",
]
SQLISH = [
    "'; DROP TABLE articles; --",
    "Robert'); DROP TABLE source_files;--",
    '" OR 1=1 --',
    "x'); DELETE FROM meetings; --",
    "%s%s%s",
    "{0}{1}",
    "$(rm -rf ~)",
    "`id`",
    "../../etc/passwd",
    "NULL",
]
UNICODE = ["статья", "😀📰", "\u202eтxt.exe", "е\u0301", "zero\u200bwidth", "日本語", "עברית", "ﬁ", "Ǆ", "\u00a0nbsp"]


def text(n: int) -> str:
    """A short news text, different for each ``n``."""
    who, whom, where = PEOPLE[n % 5], PEOPLE[(n + 2) % 5], PLACES[n % 5]
    return (
        f"{n % 28 + 1} мая министр обороны {who} встретился в {where} с коллегой {whom}.\n"
        f"Стороны подписали план сотрудничества на {2015 + n % 10} год и обсудили поставки вооружений "
        f"на сумму {n * 37 % 900 + 100} млн рублей (сообщение {n})."
    )


class Maker:
    def __init__(self, root: Path, outside: Path, seed: int = 12):
        self.root, self.outside, self.rng = root, outside, random.Random(seed)
        self.made: Counter = Counter()
        self.n = 0

    def file(self, kind: str, data: bytes, name: str | None = None, folder: Path | None = None) -> Path:
        self.n += 1
        path = (folder or self.root) / (name or f"{kind}_{self.n:05d}.txt")
        path.write_bytes(data)
        self.made[kind] += 1
        return path

    def entry(self, kind: str, make) -> None:
        self.n += 1
        make(self.root / f"{kind}_{self.n:05d}.txt")
        self.made[kind] += 1


def bind_socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))  # the socket file stays after the socket is closed


def make_inputs(root: Path, outside: Path) -> Counter:
    root.mkdir(parents=True)
    outside.mkdir(parents=True)
    (outside / "passwd").write_text(SECRET, encoding="utf-8")
    (outside / "news.txt").write_text(SECRET + " " + text(0), encoding="utf-8")
    m = Maker(root, outside)
    rng = m.rng
    # empty and blank
    for ws in ["", " ", "\n", "\r\n\r\n", "\t \t", "\u00a0", "\ufeff", "\u3000\n"] * 5:
        m.file("blank", ws.encode("utf-8"))
    # binary: random, with NUL, magic numbers under .txt, binary suffixes
    for _ in range(100):
        m.file("binary", rng.randbytes(rng.choice([1, 7, 100, 4096, 65536])))
    for magic in [b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"PK\x03\x04", b"\x7fELF", b"GIF89a", b"\xff\xd8\xff"] * 5:
        m.file("binary_magic", magic + rng.randbytes(2000))
    for suffix in [".pdf", ".docx", ".zip", ".png", ".jpg", ".xls"] * 5:
        m.file("binary_suffix", rng.randbytes(500), name=f"doc_{m.n:05d}{suffix}")
    # each encoding, whole and cut short in the middle of the last character
    for enc in ENCODINGS:
        for i in range(30):
            m.file("encoding", text(i).encode(enc))
    for enc in ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"]:
        for i in range(50):
            m.file("truncated", text(100 + i).encode(enc)[: -(i % 3 + 1)])
    # damaged: one bad byte inside, mojibake, control characters
    for i in range(40):
        data = bytearray(text(200 + i).encode("utf-8"))
        data[rng.randrange(len(data))] = 0xFF
        m.file("bad_byte", bytes(data))
        m.file("mojibake", text(300 + i).encode("utf-8").decode("cp1251", "replace").encode("utf-8"))
        m.file("control_chars", (text(400 + i) + "\x01\x02\x03\x07\x1b").encode("utf-8"))
    # fuzz: valid articles mutated at random
    for i in range(600):
        data = bytearray(text(500 + i).encode(rng.choice(["utf-8", "cp1251", "utf-16"])))
        for _ in range(rng.randint(1, 8)):
            op, at = rng.randrange(3), rng.randrange(len(data))
            if op == 0:
                data[at] ^= 1 << rng.randrange(8)
            elif op == 1:
                data[at:at] = rng.randbytes(rng.randint(1, 4))
            else:
                del data[at : at + rng.randint(1, 4)]
        m.file("fuzz", bytes(data))
    # prose checks
    for i in range(10):
        m.file("not_prose", " ".join(str(rng.randrange(10**6)) for _ in range(200)).encode())
        m.file("not_prose", ("#$%^&*() " * 100 + str(i)).encode())
    # huge: over the byte limit, over the character limit
    for i in range(3):
        m.file("huge_bytes", (text(i) + " ").encode("utf-8") * (6 * 1024 * 1024 // 300 + 10))
        m.file("huge_chars", (text(i).replace("\n", " ") + " ").encode("utf-8") * 1200)
    # HTML and JSON
    for i in range(20):
        body = text(900 + i).replace("\n", "</p><p>")
        page = f"<html><head><title>Новость {i}</title></head><body><p>{body}</p></body></html>"
        m.file("html", page.encode(), name=f"page_{m.n:05d}.html")
        doc = json.dumps({"text": text(950 + i), "title": f"Т {i}"}, ensure_ascii=False)
        m.file("json", doc.encode(), name=f"doc_{m.n:05d}.json")
    for i in range(10):
        m.file("html_bad", b"<html><body><script>var x = 1;</script><div><div><p>", name=f"bad_{m.n:05d}.html")
        m.file("json_bad", b"{not json " + str(i).encode(), name=f"bad_{m.n:05d}.json")
        m.file("json_bad", json.dumps([text(i)]).encode(), name=f"list_{m.n:05d}.json")
        m.file("json_bad", json.dumps({"text": i}).encode(), name=f"num_{m.n:05d}.json")
        m.file("json_bad", ("[" * 5000 + "]" * 5000).encode(), name=f"deep_{m.n:05d}.json")
    # duplicates under other names and encodings
    for i in range(50):
        m.file("duplicate", text(7).encode(["utf-8", "cp1251", "utf-16"][i % 3]))
    # odd names
    for i, name in enumerate(SQLISH * 3):
        m.file("name_sqlish", text(1000 + i).encode(), name=f"{name}_{i}.txt".replace("/", "∕"))
    for i, name in enumerate(UNICODE * 3):
        m.file("name_unicode", text(1100 + i).encode(), name=f"{name}_{i}.txt")
    for i in range(20):
        raw = "новость".encode(["koi8_r", "cp1251"][i % 2]) + f"_{i}.txt".encode()
        m.file("name_not_utf8", text(1200 + i).encode(), name=os.fsdecode(raw))
    for i in range(10):
        m.file("name_odd", text(1300 + i).encode(), name=f"line\nbreak {i}.txt")
        m.file("name_odd", text(1310 + i).encode(), name=f"-{i} leading dash.txt")
        m.file("name_odd", text(1320 + i).encode(), name=f"{i}" + "я" * 120 + ".txt")  # 241+ bytes
        m.file("name_odd", text(1330 + i).encode(), name=f"no_suffix_{i}")
        m.file("name_odd", text(1340 + i).encode(), name=f".hidden_{i}.txt")
    # deep and odd folders
    deep = root
    for level in range(60):
        deep = deep / f"d{level}"
    deep.mkdir(parents=True)
    m.file("deep", text(1400).encode(), folder=deep)
    for i in range(20):
        folder = root / f"папка {i}" / "'; DROP TABLE x; --" / "😀"
        folder.mkdir(parents=True)
        m.file("nested", text(1410 + i).encode(), folder=folder)
    # entries that are not regular files, links in and out, unreadable files
    for _ in range(10):
        m.entry("fifo", os.mkfifo)
    for _ in range(5):
        m.entry("socket", bind_socket)
    if os.geteuid() == 0:
        for _ in range(2):
            m.entry("device", lambda p: os.mknod(p, 0o644 | stat.S_IFCHR, os.makedev(1, 3)))
    inside = m.file("link_target", text(1500).encode())
    for _ in range(20):
        m.entry("link_in", lambda p: p.symlink_to(inside))
        m.entry("link_out", lambda p: p.symlink_to(outside / "passwd"))
        m.entry("link_dangling", lambda p: p.symlink_to(root / "nowhere" / "gone.txt"))
    for _ in range(5):
        m.entry("link_dir_out", lambda p: p.symlink_to(outside, target_is_directory=True))
        m.entry("link_dir_in", lambda p: p.symlink_to(root / "папка 0", target_is_directory=True))
        m.entry("link_relative_out", lambda p: p.symlink_to(Path("..") / outside.name / "news.txt"))
        m.entry("link_device_out", lambda p: p.symlink_to("/dev/zero"))
    for i in range(10):
        a, b = root / f"loop_a_{i}.txt", root / f"loop_b_{i}.txt"
        a.symlink_to(b)
        b.symlink_to(a)
        m.made["link_loop"] += 2
    for i in range(20):
        m.file("unreadable", text(1600 + i).encode()).chmod(0)
    return m.made


def on_disk(root: Path) -> set[str]:
    """Every entry that is not a folder walked into, as source_files names it — found here with lstat,
    independently of the pipeline's own walk."""
    found = set()
    for dirpath, dirnames, filenames in os.walk(root):
        base = Path(dirpath)
        links = [d for d in dirnames if stat.S_ISLNK(os.lstat(base / d).st_mode)]
        dirnames[:] = [d for d in dirnames if d not in links]
        for name in [*filenames, *links]:
            rel = (base / name).relative_to(root).as_posix()
            found.add(os.fsencode(rel).decode("utf-8", "backslashreplace"))
    return found
