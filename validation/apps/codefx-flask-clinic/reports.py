from app import get_db


def monthly_report(month):
    conn = get_db()
    cur = conn.cursor()
    cur.execute(
        "SELECT status, COUNT(*) AS n, SUM(amount) AS total FROM invoices WHERE to_char(due_date, 'YYYY-MM') = %s GROUP BY status",
        (month,),
    )
    rows = cur.fetchall()
    conn.close()
    return rows
