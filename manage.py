#!/usr/bin/env python
from tweespraak.cli import main

if __name__ == "__main__":
    main()
