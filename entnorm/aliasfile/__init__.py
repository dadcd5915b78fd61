"""aliasfile"""
