import os

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    return jsonify(status="ok")


@app.get("/orders")
def orders():
    return jsonify(orders=[], db=os.environ.get("DATABASE_URL", "unset"))
