"""What each pytest-xdist worker (`pytest -n N`) must not share with the others."""

from urllib.parse import urlsplit, urlunsplit


def redis_del_worker(url: str, worker: str | None) -> str:
    """The Redis URL for one worker: gwN uses database base+N of the same server, so
    parallel workers never share keys. Without xdist (no worker) the URL is unchanged."""
    if not worker or not url:
        return url
    partes = urlsplit(url)
    base = int(partes.path.strip("/") or 0)
    return urlunsplit(partes._replace(path=f"/{base + int(worker.removeprefix('gw'))}"))
