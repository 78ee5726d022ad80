import sys

from chainmap.cli import main

sys.exit(main())
