"""Writes the PDF fixtures of tests/it/formats.rs the way users' PDFs are made: a Word file
written by python-docx, printed to PDF by LibreOffice with a CJK font embedded (its ToUnicode
map is what the reader relies on). The sentences are made up for the tests.

    pip install python-docx; apt-get install libreoffice-writer-nogui fonts-noto-cjk img2pdf poppler-utils
    python3 tests/data/pdf/make_fixtures.py

Outputs (beside this script): plan.pdf (the plan of formats.rs: one page, a table),
long_plan.pdf (five pages with a running header and `- N -` page numbers in the footer) and
scan.pdf (an image of a page, no text layer).
"""
import os
import subprocess
import sys
import tempfile

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))

# The plan of tests/it/formats.rs, one paragraph or table row per line.
with open(os.path.join(HERE, "..", "formats_plan.txt"), encoding="utf-8") as f:
    PLAN = f.read().splitlines()


def set_font(doc, name):
    style = doc.styles["Normal"]
    style.font.name = name
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), name)


def add_page_number(paragraph):
    """A footer paragraph reading `- N -`, N a PAGE field as Word writes it."""
    paragraph.add_run("- ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.text = text
        run._r.append(el)
    paragraph.add_run(" -")


def write_plan(doc, lines):
    rows = []

    def flush():
        if not rows:
            return
        table = doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
        rows.clear()

    for line in lines:
        if line.startswith("|"):
            rows.append(line.strip("|").split("|"))
            continue
        flush()
        doc.add_paragraph(line)
    flush()


def to_pdf(docx_path, out_name):
    outdir = os.path.dirname(docx_path)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", outdir, docx_path],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    pdf = os.path.splitext(docx_path)[0] + ".pdf"
    os.replace(pdf, os.path.join(HERE, out_name))


def long_plan_lines():
    """Five pages of a made-up plan: numbered sections, each with goals, deadlines and bodies."""
    fields = ["学前教育", "义务教育", "职业教育", "卫生健康", "生态环境", "农业农村", "交通运输", "文化旅游"]
    nums = "一二三四五六七八"
    lines = ["某县国民经济和社会发展第十四个五年规划重点任务分解方案"]
    for i, field in enumerate(fields):
        lines.append(f"{nums[i]}、推进{field}高质量发展")
        for j in range(1, 4):
            lines.append(
                f"({'一二三'[j-1]}){field}提升工程。到2025年,{field}重点指标{j}达到{80 + i + j}%以上,"
                f"新建项目{i + j}个,完成投资{i + 2}.{j}亿元。2023年底前完成{field}设施普查,"
                f"2024年6月底前出台配套办法。(牵头单位:县{field}工作领导小组办公室;配合单位:县财政局、县发展改革局)"
            )
    return lines


def main():
    with tempfile.TemporaryDirectory() as tmp:
        doc = Document()
        set_font(doc, "Noto Serif CJK SC")
        write_plan(doc, PLAN)
        path = os.path.join(tmp, "plan.docx")
        doc.save(path)
        to_pdf(path, "plan.pdf")

        doc = Document()
        set_font(doc, sys.argv[1] if len(sys.argv) > 1 else "Noto Sans CJK SC")
        section = doc.sections[0]
        section.header.paragraphs[0].text = "某县人民政府办公室文件"
        add_page_number(section.footer.paragraphs[0])
        write_plan(doc, long_plan_lines())
        path = os.path.join(tmp, "long_plan.docx")
        doc.save(path)
        to_pdf(path, "long_plan.pdf")

        # A scan: the plan's first page as an image, no text layer.
        subprocess.run(
            ["pdftoppm", "-r", "40", "-gray", "-png", "-singlefile",
             os.path.join(HERE, "plan.pdf"), os.path.join(tmp, "page")],
            check=True,
        )
        subprocess.run(
            ["img2pdf", os.path.join(tmp, "page.png"), "-o", os.path.join(HERE, "scan.pdf")],
            check=True,
        )


if __name__ == "__main__":
    main()
