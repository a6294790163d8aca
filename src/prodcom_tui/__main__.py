from prodcom_tui.cli import main

raise SystemExit(main())
