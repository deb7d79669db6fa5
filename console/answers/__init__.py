"""The quick-answer base (秒回): entries, editing, and the Chinese and pinyin search over
them."""
