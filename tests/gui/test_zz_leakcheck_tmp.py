from PySide6.QtWidgets import QDialog
keep = []
def test_leaks(main_window):
    d = QDialog(); d.show(); keep.append(d)
