"""The shift leader's panes: the roster with its dialogs and exports, the roll call with
its history, the handover."""
