# The Pactgraph API, for `docker compose up` (Neo4j runs in its own official container there).
FROM python:3.11-slim
WORKDIR /srv/pactgraph
# the fonts the cited report's PDF is written in (Latin, Cyrillic; Chinese)
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-wqy-zenhei \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY pactgraph ./pactgraph
COPY app ./app
COPY graph ./graph
COPY loaders ./loaders
COPY cypher ./cypher
COPY corpus ./corpus
COPY browser ./browser
RUN pip install --no-cache-dir -e . && useradd --system pactgraph
USER pactgraph
EXPOSE 8000
CMD ["pactgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
