# Practice Framework API. Build: docker build -t practice-framework-api .
# Stage 1 installs the dependencies into a virtualenv; stage 2 copies only that and the source,
# so compilers and caches never reach the image that runs.
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# The dependencies exactly as locked (make lock), each file checked against its sha256. The package
# itself is not installed: the app runs from /srv/app so that alembic.ini, migrations/ and seed/
# sit beside it (app.core.config finds them there). Only the lock is copied, so this layer is
# rebuilt when the dependencies change, not when the source does.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

FROM python:3.11-slim-bookworm AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=8000 \
    WORKERS=2
# What WeasyPrint loads to make PDFs (Pango, HarfBuzz's subsetter) and a font with Arial's
# metrics: the Makefile's SYSTEM_PACKAGES. Not pinned: the base image's tag fixes the Debian
# release, whose security updates should reach the image when it is rebuilt.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /srv/app --no-create-home app
WORKDIR /srv/app
COPY --from=build /opt/venv /opt/venv
COPY alembic.ini ./
COPY migrations ./migrations
COPY seed ./seed
COPY app ./app
COPY --chmod=0755 docker/entrypoint.sh /usr/local/bin/entrypoint
# The default SQLite file lives in data/; it must be writable by the unprivileged user.
RUN mkdir -p data && chown 10001:10001 data
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', timeout=2)"]
ENTRYPOINT ["/usr/local/bin/entrypoint"]
