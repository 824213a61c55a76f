# govgraph's API service. Built by docker-compose.yml beside a Neo4j 5.26.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY govgraph ./govgraph
COPY graph ./graph
COPY loaders ./loaders
COPY queries ./queries
COPY api ./api
COPY scripts ./scripts
# The same install step as the README's quick start (scripts/install.sh).
RUN VENV=/opt/venv EXTRAS= EDITABLE= bash scripts/install.sh
ENV PATH=/opt/venv/bin:$PATH \
    GOVGRAPH_DATA_DIR=/data
EXPOSE 8000
CMD ["govgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
