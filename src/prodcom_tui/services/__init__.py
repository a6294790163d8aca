"""What the screens call. Import submodules lazily: they pull in SQLModel, which is slow to import."""
