import sys

from followup_rules.cli import main

sys.exit(main())
